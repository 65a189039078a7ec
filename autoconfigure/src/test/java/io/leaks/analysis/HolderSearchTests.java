package io.leaks.analysis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners and path groups on hand-built heaps shaped like the classic leaks.
 */
class HolderSearchTests {

	@Test
	void theOwnerShouldBeTheCollectionAnApplicationObjectHoldsNotItsInternals() {
		// OrderEventBus.subscribers -> KeySetView -> ConcurrentHashMap -> Node[] -> Node -> lambda -> listener
		TestGraph graph = new TestGraph();
		long bus = graph.object("com.example.OrderEventBus", 16);
		long view = graph.object("java.util.concurrent.ConcurrentHashMap$KeySetView", 16);
		long map = graph.object("java.util.concurrent.ConcurrentHashMap", 64);
		long table = graph.object("java.util.concurrent.ConcurrentHashMap$Node[]", 1024);
		graph.root(bus, GcRootKind.JNI_GLOBAL).field(bus, "subscribers", view).field(view, "map", map)
			.field(map, "table", table);
		List<Long> listeners = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long node = graph.object("java.util.concurrent.ConcurrentHashMap$Node", 32);
			long lambda = graph.object("com.example.Checkout$$Lambda$12/0x0000000801234567", 16);
			long listener = graph.object("com.example.OrderListener", 24);
			graph.element(table, i, node).field(node, "key", lambda).field(lambda, "arg$1", listener);
			listeners.add(listener);
		}
		graph.done();
		HolderSearch.Holders holders = search(graph, listeners);
		assertThat(holders.owners()).hasSize(1);
		HolderSearch.Candidate owner = holders.owners().get(0);
		assertThat(owner.id()).isEqualTo(view);
		assertThat(owner.instances()).isEqualTo(50);
		assertThat(AnalysisText.heldBy(owner.path())).isEqualTo("field OrderEventBus.subscribers");
		PathGroup group = holders.paths().get(0);
		assertThat(group.instances()).isEqualTo(50);
		assertThat(group.path().steps()).extracting(PathStep::reference)
			.containsExactly("subscribers", "map", "table", "[0]", "key", "arg$1", null);
		assertThat(group.path().pattern()).contains("Checkout$$Lambda.arg$1").doesNotContain("0x");
	}

	@Test
	void eachPoolThreadsThreadLocalShouldBeAnOwnerOfItsShare() {
		TestGraph graph = new TestGraph();
		List<Long> entries = new ArrayList<>();
		for (int t = 1; t <= 4; t++) {
			long thread = graph.thread("audit-worker-" + t);
			long map = graph.object("java.lang.ThreadLocal$ThreadLocalMap", 24);
			long table = graph.object("java.lang.ThreadLocal$ThreadLocalMap$Entry[]", 80);
			long entry = graph.object("java.lang.ThreadLocal$ThreadLocalMap$Entry", 32);
			long list = graph.object("java.util.ArrayList", 24);
			long elements = graph.object("java.lang.Object[]", 400);
			graph.root(thread, GcRootKind.THREAD)
				.field(thread, "threadLocals", map)
				.field(map, "table", table)
				.element(table, 3, entry)
				.field(entry, "value", list)
				.field(list, "elementData", elements);
			for (int i = 0; i < 25; i++) {
				long audit = graph.object("com.example.AuditEntry", 24);
				graph.element(elements, i, audit);
				entries.add(audit);
			}
		}
		graph.done();
		HolderSearch.Holders holders = search(graph, entries);
		assertThat(holders.owners()).hasSize(4);
		assertThat(holders.owners()).allSatisfy((owner) -> {
			assertThat(owner.instances()).isEqualTo(25);
			assertThat(owner.path().root().kind()).isEqualTo(GcRootKind.THREAD_LOCAL);
			assertThat(owner.path().steps().get(0).reference()).isEqualTo("threadLocals");
			assertThat(owner.path().target().className()).isEqualTo("java.lang.ThreadLocal$ThreadLocalMap$Entry");
		});
		assertThat(holders.owners()).extracting((owner) -> owner.path().root().thread())
			.containsExactlyInAnyOrder("audit-worker-1", "audit-worker-2", "audit-worker-3", "audit-worker-4");
		// One pattern: the thread's name is not part of it, but the group names the threads.
		assertThat(holders.paths()).hasSize(1);
		assertThat(holders.paths().get(0).instances()).isEqualTo(100);
		assertThat(holders.paths().get(0).threads()).hasSize(4);
	}

	@Test
	void aStaticMapShouldBeNamedByItsClassAndField() {
		TestGraph graph = new TestGraph();
		long loader = graph.object("jdk.internal.loader.ClassLoaders$AppClassLoader", 64);
		long registry = graph.classObject("com.example.HandlerRegistry");
		long map = graph.object("java.util.concurrent.ConcurrentHashMap", 64);
		long table = graph.object("java.util.concurrent.ConcurrentHashMap$Node[]", 1024);
		graph.root(loader, GcRootKind.JNI_GLOBAL).field(loader, "classes", registry).field(registry, "HANDLERS", map)
			.field(map, "table", table);
		List<Long> handlers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long node = graph.object("java.util.concurrent.ConcurrentHashMap$Node", 32);
			long next = graph.object("java.util.concurrent.ConcurrentHashMap$Node", 32);
			long first = graph.object("com.example.RequestHandler", 24);
			long second = graph.object("com.example.RequestHandler", 24);
			graph.element(table, i, node).field(node, "val", first).field(node, "next", next).field(next, "val", second);
			handlers.add(first);
			handlers.add(second);
		}
		graph.done();
		HolderSearch.Holders holders = search(graph, handlers);
		HolderSearch.Candidate owner = holders.owners().get(0);
		assertThat(owner.id()).isEqualTo(map);
		assertThat(owner.instances()).isEqualTo(60);
		assertThat(owner.path().root()).isEqualTo(
				new GcRoot(GcRootKind.STATIC_FIELD, "com.example.HandlerRegistry", null, null));
		assertThat(AnalysisText.heldBy(owner.path())).isEqualTo("static field HandlerRegistry.HANDLERS");
		// Bins with one node and bins with two are two patterns of one owner.
		assertThat(holders.paths()).extracting(PathGroup::instances).containsExactly(30L, 30L);
	}

	@Test
	void instancesHeldEachByTheirOwnObjectShouldBeOwnedByTheListOfThoseObjects() {
		// static ORDERS -> ArrayList -> Object[] -> Order -> items ArrayList -> Object[] -> Item
		TestGraph graph = new TestGraph();
		long shop = graph.classObject("com.example.Shop");
		long orders = graph.object("java.util.ArrayList", 24);
		long elements = graph.object("java.lang.Object[]", 800);
		graph.root(shop, GcRootKind.SYSTEM_CLASS).field(shop, "ORDERS", orders).field(orders, "elementData", elements);
		List<Long> items = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long order = graph.object("com.example.Order", 24);
			long list = graph.object("java.util.ArrayList", 24);
			long array = graph.object("java.lang.Object[]", 40);
			graph.element(elements, i, order).field(order, "items", list).field(list, "elementData", array);
			for (int j = 0; j < 3; j++) {
				long item = graph.object("com.example.Item", 16);
				graph.element(array, j, item);
				items.add(item);
			}
		}
		graph.done();
		HolderSearch.Holders holders = search(graph, items);
		assertThat(holders.owners()).hasSize(1);
		assertThat(holders.owners().get(0).id()).isEqualTo(orders);
		assertThat(holders.owners().get(0).instances()).isEqualTo(120);
	}

	@Test
	void aSubclassOfACollectionShouldBeTheOwnerNotItsTable() {
		// CachePattern.bounded -> BoundedReportCache.reports -> BoundedReportCache$1 (a LinkedHashMap) -> table
		TestGraph graph = new TestGraph();
		long pattern = graph.object("com.example.CachePattern", 16);
		long cache = graph.object("com.example.BoundedReportCache", 24);
		long map = graph.object("com.example.BoundedReportCache$1", 64);
		long table = graph.object("java.util.HashMap$Node[]", 1024);
		graph.root(pattern, GcRootKind.JNI_GLOBAL)
			.field(pattern, "bounded", cache)
			.field(cache, "reports", map)
			.collection(map)
			.field(map, "table", table);
		List<Long> reports = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long node = graph.object("java.util.LinkedHashMap$Entry", 40);
			long report = graph.object("com.example.CachedReport", 24);
			graph.element(table, i, node).field(node, "value", report);
			reports.add(report);
		}
		graph.done();
		HolderSearch.Candidate owner = search(graph, reports).owners().get(0);
		assertThat(owner.id()).isEqualTo(map);
		assertThat(AnalysisText.heldBy(owner.path())).isEqualTo("field BoundedReportCache.reports");
	}

	@Test
	void aSampleShouldBeScaledToEveryReachableInstance() {
		TestGraph graph = new TestGraph();
		long holder = graph.object("com.example.Holder", 16);
		long array = graph.object("java.lang.Object[]", 100);
		graph.root(holder, GcRootKind.JNI_GLOBAL).field(holder, "all", array);
		List<Long> held = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long object = graph.object("com.example.Held", 16);
			graph.element(array, i, object);
			held.add(object);
		}
		graph.done();
		PathTree tree = new PathTree(graph);
		List<long[]> chains = held.stream().map(tree::chain).toList();
		HolderSearch.Holders holders = new HolderSearch(graph, tree).search(chains, 100.0, 5, 5);
		assertThat(holders.owners().get(0).instances()).isEqualTo(1000);
		assertThat(holders.paths().get(0).instances()).isEqualTo(1000);
	}

	private static HolderSearch.Holders search(TestGraph graph, List<Long> instances) {
		PathTree tree = new PathTree(graph);
		List<long[]> chains = instances.stream().map(tree::chain).toList();
		assertThat(chains).allSatisfy((chain) -> assertThat(chain).isNotEmpty());
		return new HolderSearch(graph, tree).search(chains, 1.0, 5, 5);
	}

}
