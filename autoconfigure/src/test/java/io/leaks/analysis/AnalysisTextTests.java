package io.leaks.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings in words.
 */
class AnalysisTextTests {

	@Test
	void anOwnerShouldReadAsItsHolderItsClassAndWhatItRetains() {
		RootPath path = new RootPath(new GcRoot(GcRootKind.STATIC_FIELD, "com.example.OrderEventBus", null, null),
				List.of(new PathStep("com.example.OrderEventBus", ReferenceKind.STATIC_FIELD, "listeners"),
						PathStep.last("java.util.concurrent.CopyOnWriteArrayList")));
		assertThat(AnalysisText.owner(new Owner("java.util.concurrent.CopyOnWriteArrayList", 1000, 2_310_000, true, path),
				"com.example.OrderListener"))
			.isEqualTo("static field OrderEventBus.listeners \u2192 CopyOnWriteArrayList holds 1,000 OrderListener, "
					+ "retaining 2.2 MiB");
		assertThat(AnalysisText.owner(new Owner("java.util.concurrent.CopyOnWriteArrayList", 1000, 2_310_000, false,
				path), "com.example.OrderListener")).endsWith("retaining at least 2.2 MiB");
	}

	@Test
	void aThreadLocalOwnerShouldNameItsThread() {
		RootPath path = new RootPath(new GcRoot(GcRootKind.THREAD_LOCAL, "java.lang.Thread", "audit-worker-2", null),
				List.of(new PathStep("java.lang.Thread", ReferenceKind.INSTANCE_FIELD, "threadLocals"),
						new PathStep("java.lang.ThreadLocal$ThreadLocalMap", ReferenceKind.INSTANCE_FIELD, "table"),
						new PathStep("java.lang.ThreadLocal$ThreadLocalMap$Entry[]", ReferenceKind.ARRAY_ELEMENT, "[3]"),
						PathStep.last("java.lang.ThreadLocal$ThreadLocalMap$Entry")));
		assertThat(AnalysisText.heldBy(path))
			.isEqualTo("thread-local of thread 'audit-worker-2' (element of ThreadLocal$ThreadLocalMap$Entry[])");
		assertThat(AnalysisText.path(path)).isEqualTo("thread-local of thread 'audit-worker-2': Thread.threadLocals \u2192"
				+ " ThreadLocal$ThreadLocalMap.table \u2192 ThreadLocal$ThreadLocalMap$Entry[][3] \u2192"
				+ " ThreadLocal$ThreadLocalMap$Entry");
	}

	@Test
	void anOwnerReachedFromAStackShouldNotBeNamedAfterTheThread() {
		RootPath path = new RootPath(new GcRoot(GcRootKind.THREAD_STACK, "com.example.Handler", "exec-4", "a()"),
				List.of(new PathStep("com.example.Handler", ReferenceKind.INSTANCE_FIELD, "bus"),
						new PathStep("com.example.OrderEventBus", ReferenceKind.INSTANCE_FIELD, "subscribers"),
						PathStep.last("java.util.concurrent.ConcurrentHashMap$KeySetView")));
		assertThat(AnalysisText.heldBy(path)).isEqualTo("field OrderEventBus.subscribers");
	}

	@Test
	void aSummaryShouldSayWhenAClassIsMissingOrHasNoOwner() {
		HeapAnalysis analysis = new HeapAnalysis("heapdump-1.hprof", 100,
				List.of(ClassFinding.missing("com.example.Gone"), new ClassFinding("com.example.Loose", true, 3, 72, 72,
						true, 3, 3, List.of(), List.of())),
				10);
		assertThat(AnalysisText.summary(analysis)).containsExactly("Gone: not in heapdump-1.hprof",
				"Loose: 3 instances, retaining 72 B; no single owner");
	}

	@Test
	void everyRootKindShouldBeWorded() {
		for (GcRootKind kind : GcRootKind.values()) {
			assertThat(AnalysisText.root(new GcRoot(kind, "com.example.Foo", "main", "Foo.run(Foo.java:3)")))
				.isNotBlank();
		}
		assertThat(AnalysisText.root(new GcRoot(GcRootKind.THREAD_STACK, "java.util.ArrayList", "main",
				"Foo.run(Foo.java:3)"))).isEqualTo("stack of thread 'main' at Foo.run(Foo.java:3)");
	}

	@Test
	void classNamesShouldConvertBetweenTheJvmsFormsAndTheDumps() {
		assertThat(ClassNames.inDump("[B")).isEqualTo("byte[]");
		assertThat(ClassNames.inDump("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
		assertThat(ClassNames.inDump("com.example.Foo$$Lambda$42/0x0000000800c0b000"))
			.isEqualTo("com.example.Foo$$Lambda$42+0x0000000800c0b000");
		assertThat(ClassNames.stable("com.example.Foo$$Lambda$42+0x0000000800c0b000")).isEqualTo("com.example.Foo$$Lambda");
		assertThat(ClassNames.isJdk("java.lang.Object[]")).isTrue();
		assertThat(ClassNames.isJdk("byte[][]")).isTrue();
		assertThat(ClassNames.isJdk("com.example.Foo[]")).isFalse();
		assertThat(ClassNames.isJdk("Foo")).isFalse();
		assertThat(ClassNames.simple("io.leaks.demo.listeners.OrderEventBus")).isEqualTo("OrderEventBus");
	}

}
