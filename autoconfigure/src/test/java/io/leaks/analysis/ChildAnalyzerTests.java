package io.leaks.analysis;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer in its own JVM, on real live dumps of this test JVM, started from the
 * exploded class path Maven's test runner uses.
 */
class ChildAnalyzerTests {

	/** What a leaking listener list holds. */
	static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();

	/** Held both strongly (by the list above) and softly; only the list is a path. */
	static final List<SoftReference<Subscriber>> SOFTLY = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void clear() {
		SUBSCRIBERS.clear();
		SOFTLY.clear();
	}

	@Test
	void analysisShouldNameTheStaticListHoldingTheInstances() throws IOException {
		subscribe(1000);
		Path dump = TestDumps.dump(this.temp, "listeners");
		List<AnalysisStep> steps = new CopyOnWriteArrayList<>();
		AnalyzerOutcome outcome = analyzer(AnalyzerSettings.DEFAULT).run(
				new AnalyzerRequest(List.of(TestDumps.file(dump)), List.of(Subscriber.class.getName()),
						HeapAnalyzer.Limits.DEFAULT),
				this.temp.resolve("work"), steps::add, () -> false);
		assertThat(outcome.failure()).isNull();
		ClassFinding finding = outcome.output().analysis().classes().get(0);
		assertThat(finding.found()).isTrue();
		assertThat(finding.instances()).isEqualTo(1000);
		assertThat(finding.reachable()).isEqualTo(1000);
		assertThat(finding.shallowBytes()).isPositive();
		// Each subscriber keeps its 1 KB payload alive.
		assertThat(finding.retainedBytes()).isGreaterThanOrEqualTo(1000L * 1024);
		assertThat(finding.retainedExact()).isTrue();
		Owner owner = finding.owners().get(0);
		assertThat(owner.className()).isEqualTo(CopyOnWriteArrayList.class.getName());
		assertThat(owner.instances()).isEqualTo(1000);
		assertThat(owner.retainedBytes()).isGreaterThan(finding.retainedBytes());
		assertThat(owner.path().root().kind()).isEqualTo(GcRootKind.STATIC_FIELD);
		assertThat(owner.path().root().className()).isEqualTo(ChildAnalyzerTests.class.getName());
		assertThat(owner.path().steps().get(0)).isEqualTo(
				new PathStep(ChildAnalyzerTests.class.getName(), ReferenceKind.STATIC_FIELD, "SUBSCRIBERS"));
		PathGroup group = finding.paths().get(0);
		assertThat(group.instances()).isEqualTo(1000);
		assertThat(group.path().steps()).extracting(PathStep::reference)
			.containsExactly("SUBSCRIBERS", "array", group.path().steps().get(2).reference(), null);
		assertThat(group.path().steps().get(2).referenceKind()).isEqualTo(ReferenceKind.ARRAY_ELEMENT);
		// Soft references are never a path that holds.
		assertThat(finding.paths()).allSatisfy((path) -> assertThat(path.path().pattern()).doesNotContain("referent"));
		assertThat(steps).containsSubsequence(AnalysisStep.STARTING, AnalysisStep.INDEXING,
				AnalysisStep.FINDING_PATHS, AnalysisStep.COMPUTING_RETAINED_SIZES);
		AnalyzerFigures figures = outcome.output().figures();
		assertThat(figures.maxHeapBytes()).isLessThanOrEqualTo(256L * 1024 * 1024);
		assertThat(figures.peakHeapBytes()).isPositive();
		assertThat(figures.indexBytes()).isPositive();
		assertThat(this.temp.resolve("work")).doesNotExist();
	}

	@Test
	void analysisShouldNameThePoolThreadWhoseThreadLocalHoldsTheInstances() throws Exception {
		ThreadLocal<List<Subscriber>> local = new ThreadLocal<>();
		ExecutorService pool = Executors.newSingleThreadExecutor((task) -> new Thread(task, "test-worker-7"));
		try {
			pool.submit(() -> {
				List<Subscriber> held = new ArrayList<>();
				for (int i = 0; i < 300; i++) {
					held.add(new Subscriber(i));
				}
				local.set(held);
			}).get();
			Path dump = TestDumps.dump(this.temp, "threadlocal");
			AnalyzerOutcome outcome = run(AnalyzerSettings.DEFAULT, List.of(Subscriber.class.getName()),
					TestDumps.file(dump));
			assertThat(outcome.failure()).isNull();
			ClassFinding finding = outcome.output().analysis().classes().get(0);
			assertThat(finding.reachable()).isEqualTo(300);
			Owner owner = finding.owners().get(0);
			assertThat(owner.instances()).isEqualTo(300);
			assertThat(owner.path().root().kind()).isEqualTo(GcRootKind.THREAD_LOCAL);
			assertThat(owner.path().root().thread()).isEqualTo("test-worker-7");
			assertThat(owner.path().steps().get(0).reference()).isEqualTo("threadLocals");
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(5, TimeUnit.SECONDS);
			Reference.reachabilityFence(local);
		}
	}

	@Test
	void growthShouldShowTheOwnerThatGainedInstances() throws IOException {
		subscribe(400);
		Path before = TestDumps.dump(this.temp, "before");
		subscribe(600);
		Path after = TestDumps.dump(this.temp, "after");
		AnalyzerOutcome outcome = run(AnalyzerSettings.DEFAULT, List.of(Subscriber.class.getName()), TestDumps.file(before),
				TestDumps.file(after));
		assertThat(outcome.failure()).isNull();
		HeapGrowth growth = outcome.output().growth();
		HeapGrowth.ClassGrowth subscribers = growth.classes().get(0);
		assertThat(subscribers.instancesFrom()).isEqualTo(400);
		assertThat(subscribers.instancesTo()).isEqualTo(1000);
		assertThat(subscribers.growing()).isTrue();
		HeapGrowth.OwnerGrowth owner = subscribers.owners().get(0);
		assertThat(owner.className()).isEqualTo(CopyOnWriteArrayList.class.getName());
		assertThat(owner.instancesFrom()).isEqualTo(400);
		assertThat(owner.instancesTo()).isEqualTo(1000);
		assertThat(owner.instancesDelta()).isEqualTo(600);
		assertThat(owner.retainedBytesDelta()).isGreaterThanOrEqualTo(600L * 1024);
	}

	@Test
	void analyzerOutOfHeapShouldFailWithTheReason() throws IOException {
		subscribe(1000);
		Path dump = TestDumps.dump(this.temp, "big");
		AnalyzerSettings tiny = new AnalyzerSettings(32L * 1024 * 1024, Duration.ofMinutes(2), 0, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of("-Xmx6m"));
		AnalyzerOutcome outcome = run(tiny, List.of(Subscriber.class.getName()), TestDumps.file(dump));
		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.failure()).contains("ran out of").contains("leaks.analysis.max-heap");
	}

	@Test
	void analyzerBeyondItsTimeLimitShouldBeStopped() throws IOException {
		Path dump = TestDumps.dump(this.temp, "slow");
		AnalyzerSettings hurried = new AnalyzerSettings(256L * 1024 * 1024, Duration.ofMillis(300), 0, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of());
		AnalyzerOutcome outcome = run(hurried, List.of(Subscriber.class.getName()), TestDumps.file(dump));
		assertThat(outcome.failure()).contains("time limit").contains("leaks.analysis.time-limit");
		assertThat(this.temp.resolve("work")).doesNotExist();
	}

	@Test
	void analyzerBeyondItsDiskBudgetShouldBeStopped() throws IOException {
		Path dump = TestDumps.dump(this.temp, "wide");
		AnalyzerSettings cramped = new AnalyzerSettings(256L * 1024 * 1024, Duration.ofMinutes(2), 64 * 1024, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of());
		AnalyzerOutcome outcome = run(cramped, List.of(Subscriber.class.getName()), TestDumps.file(dump));
		assertThat(outcome.failure()).contains("disk budget").contains("leaks.analysis.max-index-size");
	}

	@Test
	void aDumpThatIsGoneShouldFailWithTheReason() throws IOException {
		Path missing = this.temp.resolve("gone.hprof");
		AnalyzerOutcome outcome = run(AnalyzerSettings.DEFAULT, List.of("x.Y"), TestDumps.file(missing));
		assertThat(outcome.failure()).contains("gone.hprof is gone");
		assertThat(Files.exists(this.temp.resolve("work"))).isFalse();
	}

	private AnalyzerOutcome run(AnalyzerSettings settings, List<String> classes, AnalyzerRequest.DumpFile... dumps) {
		return analyzer(settings).run(new AnalyzerRequest(List.of(dumps), classes, HeapAnalyzer.Limits.DEFAULT),
				this.temp.resolve("work"), (step) -> {
				}, () -> false);
	}

	private ChildAnalyzer analyzer(AnalyzerSettings settings) {
		return new ChildAnalyzer(settings, this.temp.resolve("runtime"));
	}

	private static void subscribe(int count) {
		for (int i = 0; i < count; i++) {
			Subscriber subscriber = new Subscriber(i);
			SUBSCRIBERS.add(subscriber);
			SOFTLY.add(new SoftReference<>(subscriber));
		}
	}

	/** A listener with a payload, as a leaking subscriber would keep. */
	static final class Subscriber {

		private final long id;

		private final byte[] payload = new byte[1024];

		Subscriber(long id) {
			this.id = id;
		}

		long id() {
			return this.id + this.payload.length;
		}

	}

}
