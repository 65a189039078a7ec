package io.leaks.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retained sizes on graphs whose retained sets are known by construction.
 */
class RetainedSizesTests {

	@Test
	void aChainShouldRetainEverythingBelowIt() {
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long a = graph.object("A", 10);
		long b = graph.object("B", 100);
		long c = graph.object("C", 1000);
		graph.root(root, GcRootKind.JNI_GLOBAL).field(root, "a", a).field(a, "b", b).field(b, "c", c).done();
		assertThat(retained(graph, a)).isEqualTo(1110);
		assertThat(retained(graph, b)).isEqualTo(1100);
	}

	@Test
	void anObjectAlsoHeldFromOutsideShouldNotBeRetained() {
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long owner = graph.object("Owner", 10);
		long shared = graph.object("Shared", 100);
		long own = graph.object("Own", 1000);
		long other = graph.object("Other", 5);
		graph.root(root, GcRootKind.JNI_GLOBAL)
			.field(root, "owner", owner)
			.field(root, "other", other)
			.field(owner, "shared", shared)
			.field(owner, "own", own)
			.field(other, "shared", shared)
			.done();
		assertThat(retained(graph, owner)).isEqualTo(1010);
	}

	@Test
	void whatOnlyADroppedObjectHeldShouldBeDroppedToo() {
		// owner -> x -> y, and outside -> x: x is not retained, so neither is y.
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long owner = graph.object("Owner", 10);
		long x = graph.object("X", 100);
		long y = graph.object("Y", 1000);
		long outside = graph.object("Outside", 5);
		graph.root(root, GcRootKind.JNI_GLOBAL)
			.field(root, "owner", owner)
			.field(owner, "x", x)
			.field(x, "y", y)
			.field(root, "outside", outside)
			.field(outside, "x", x)
			.done();
		assertThat(retained(graph, owner)).isEqualTo(10);
	}

	@Test
	void cyclesInsideShouldBeRetainedAndARootNever() {
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long owner = graph.object("Owner", 10);
		long parent = graph.object("Parent", 100);
		long child = graph.object("Child", 1000);
		long thread = graph.thread("worker");
		graph.root(root, GcRootKind.JNI_GLOBAL)
			.root(thread, GcRootKind.THREAD)
			.field(root, "owner", owner)
			.field(owner, "parent", parent)
			.field(parent, "child", child)
			.field(child, "parent", parent)
			.field(owner, "thread", thread)
			.done();
		assertThat(retained(graph, owner)).isEqualTo(1110);
	}

	@Test
	void aWeakReferenceFromOutsideShouldNotKeepAnythingFromBeingRetained() {
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long owner = graph.object("Owner", 10);
		long value = graph.object("Value", 100);
		long weak = graph.object("java.lang.ref.WeakReference", 5);
		graph.root(root, GcRootKind.JNI_GLOBAL)
			.field(root, "owner", owner)
			.field(root, "weak", weak)
			.referent(weak, value)
			.field(owner, "value", value)
			.done();
		assertThat(retained(graph, owner)).isEqualTo(110);
	}

	@Test
	void aSetShouldRetainWhatOnlyItsMembersTogetherHold() {
		// Two listeners share a receipt: neither retains it alone, both together do.
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long first = graph.object("Listener", 10);
		long second = graph.object("Listener", 10);
		long receipt = graph.object("Receipt", 100);
		graph.root(root, GcRootKind.JNI_GLOBAL)
			.field(root, "first", first)
			.field(root, "second", second)
			.field(first, "receipt", receipt)
			.field(second, "receipt", receipt)
			.done();
		assertThat(retained(graph, first)).isEqualTo(10);
		assertThat(RetainedSizes.of(graph, new long[] { first, second }, 1000).bytes()).isEqualTo(120);
	}

	@Test
	void beyondTheLimitTheFigureShouldBeALowerBound() {
		TestGraph graph = new TestGraph();
		long root = graph.object("Root", 1);
		long owner = graph.object("Owner", 10);
		graph.root(root, GcRootKind.JNI_GLOBAL).field(root, "owner", owner);
		long previous = owner;
		for (int i = 0; i < 10; i++) {
			long next = graph.object("Node", 100);
			graph.field(previous, "next", next);
			previous = next;
		}
		graph.done();
		RetainedSizes.Retained all = RetainedSizes.of(graph, new long[] { owner }, 1000);
		assertThat(all.bytes()).isEqualTo(1010);
		assertThat(all.exact()).isTrue();
		RetainedSizes.Retained some = RetainedSizes.of(graph, new long[] { owner }, 4);
		assertThat(some.exact()).isFalse();
		assertThat(some.bytes()).isLessThan(1010).isGreaterThanOrEqualTo(10);
	}

	private static long retained(TestGraph graph, long id) {
		RetainedSizes.Retained retained = RetainedSizes.of(graph, new long[] { id }, 1000);
		assertThat(retained.exact()).isTrue();
		return retained.bytes();
	}

}
