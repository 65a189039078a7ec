package io.leaks.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners matched across two dumps by the pattern of their paths.
 */
class GrowthComparisonTests {

	private static final RootPath BUS = new RootPath(
			new GcRoot(GcRootKind.STATIC_FIELD, "com.example.OrderEventBus", null, null),
			List.of(new PathStep("com.example.OrderEventBus", ReferenceKind.STATIC_FIELD, "listeners"),
					PathStep.last("java.util.concurrent.CopyOnWriteArrayList")));

	@Test
	void anOwnerWithMoreInstancesLaterShouldGrowAndOneWithTheSameShouldNot() {
		HeapGrowth growth = GrowthComparison.between(
				analysis(finding(100, owner(BUS, 100, 10_000), owner(local("worker-1"), 40, 4000))),
				analysis(finding(1100, owner(BUS, 1100, 110_000), owner(local("worker-1"), 40, 4000))));
		HeapGrowth.ClassGrowth type = growth.classes().get(0);
		assertThat(type.instancesDelta()).isEqualTo(1000);
		assertThat(type.growing()).isTrue();
		assertThat(type.owners()).extracting(HeapGrowth.OwnerGrowth::instancesDelta).containsExactly(1000L, 0L);
		assertThat(type.owners()).extracting(HeapGrowth.OwnerGrowth::growing).containsExactly(true, false);
		assertThat(type.owners().get(0).retainedBytesDelta()).isEqualTo(100_000);
		assertThat(AnalysisText.summary(growth)).containsExactly("OrderListener: +1,000 instances (100 \u2192 1,100); "
				+ "static field OrderEventBus.listeners \u2192 CopyOnWriteArrayList gained 1,000, +97.7 KiB");
	}

	@Test
	void eachThreadShouldBeItsOwnOwnerAndAnOwnerThatAppearsShouldGrow() {
		HeapGrowth growth = GrowthComparison.between(analysis(finding(40, owner(local("worker-1"), 40, 4000))),
				analysis(finding(80, owner(local("worker-1"), 40, 4000), owner(local("worker-2"), 40, 4000))));
		List<HeapGrowth.OwnerGrowth> owners = growth.classes().get(0).owners();
		assertThat(owners).hasSize(2);
		assertThat(owners.get(0).path().root().thread()).isEqualTo("worker-2");
		assertThat(owners.get(0).instancesFrom()).isZero();
		assertThat(owners.get(0).growing()).isTrue();
	}

	@Test
	void aFixedVariantShouldShowNoOwnerGrowing() {
		HeapGrowth growth = GrowthComparison.between(analysis(finding(0)), analysis(finding(0)));
		assertThat(growth.classes().get(0).growing()).isFalse();
		assertThat(growth.classes().get(0).owners()).isEmpty();
		assertThat(AnalysisText.summary(growth)).containsExactly("OrderListener: +0 instances (0 \u2192 0); no owner grew");
	}

	@Test
	void anOwnerReachedThroughAnotherThreadsStackShouldStillMatch() {
		List<PathStep> tail = List.of(new PathStep("com.example.Beans", ReferenceKind.INSTANCE_FIELD, "cache"),
				new PathStep("com.example.Cache", ReferenceKind.INSTANCE_FIELD, "reports"),
				PathStep.last("java.util.LinkedHashMap"));
		RootPath before = new RootPath(new GcRoot(GcRootKind.THREAD_STACK, "com.example.Handler", "exec-4", "a()"),
				java.util.stream.Stream.concat(java.util.stream.Stream.of(
						new PathStep("com.example.Handler", ReferenceKind.INSTANCE_FIELD, "beans")), tail.stream()).toList());
		RootPath after = new RootPath(new GcRoot(GcRootKind.THREAD_STACK, "com.example.Other", "exec-9", "b()"),
				java.util.stream.Stream.concat(java.util.stream.Stream.of(
						new PathStep("com.example.Other", ReferenceKind.INSTANCE_FIELD, "beans")), tail.stream()).toList());
		HeapGrowth growth = GrowthComparison.between(analysis(finding(100, owner(before, 100, 1000))),
				analysis(finding(100, owner(after, 100, 1000))));
		assertThat(growth.classes().get(0).owners()).singleElement()
			.satisfies((owner) -> assertThat(owner.growing()).isFalse());
		assertThat(growth.classes().get(0).growing()).isFalse();
	}

	@Test
	void lambdasShouldMatchAcrossDumpsWhateverTheirAddress() {
		RootPath before = new RootPath(BUS.root(), List.of(BUS.steps().get(0),
				new PathStep("com.example.Bus$$Lambda$41+0x0000000800c0b000", ReferenceKind.INSTANCE_FIELD, "arg$1"),
				PathStep.last("com.example.OrderListener")));
		RootPath after = new RootPath(BUS.root(), List.of(BUS.steps().get(0),
				new PathStep("com.example.Bus$$Lambda/0x0000000801c0f000", ReferenceKind.INSTANCE_FIELD, "arg$1"),
				PathStep.last("com.example.OrderListener")));
		assertThat(before.pattern()).isEqualTo(after.pattern());
	}

	private static RootPath local(String thread) {
		return new RootPath(new GcRoot(GcRootKind.THREAD_LOCAL, "java.lang.Thread", thread, null),
				List.of(new PathStep("java.lang.Thread", ReferenceKind.INSTANCE_FIELD, "threadLocals"),
						PathStep.last("java.lang.ThreadLocal$ThreadLocalMap")));
	}

	private static Owner owner(RootPath path, long instances, long bytes) {
		return new Owner(path.target().className(), instances, bytes, true, path);
	}

	private static ClassFinding finding(long instances, Owner... owners) {
		return new ClassFinding("com.example.OrderListener", true, instances, instances * 24, instances * 100, true,
				instances, instances, List.of(owners), List.of());
	}

	private static HeapAnalysis analysis(ClassFinding finding) {
		return new HeapAnalysis("heapdump.hprof", 1000, List.of(finding), 5);
	}

}
