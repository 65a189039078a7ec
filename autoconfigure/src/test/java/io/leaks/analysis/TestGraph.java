package io.leaks.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * A small object graph built by hand, whose nearest-root tree is computed the way the heap
 * library computes it (breadth first from the roots, strong references only), so that the
 * analysis's logic can be checked on shapes chosen to break it.
 */
final class TestGraph implements ObjectGraph {

	private final Map<Long, Node> nodes = new LinkedHashMap<>();

	private final Map<Long, Long> parents = new HashMap<>();

	private long nextId = 1;

	long object(String className, long size) {
		long id = this.nextId++;
		this.nodes.put(id, new Node(className, size, false));
		return id;
	}

	long classObject(String className) {
		long id = this.nextId++;
		this.nodes.put(id, new Node(className, 0, true));
		return id;
	}

	long thread(String name) {
		long id = object("java.lang.Thread", 100);
		this.nodes.get(id).threadName = name;
		return id;
	}

	TestGraph root(long id, GcRootKind kind) {
		this.nodes.get(id).root = kind;
		return this;
	}

	TestGraph field(long from, String name, long to) {
		this.nodes.get(from).references.add(new Reference(to, name, this.nodes.get(from).classObject
				? ReferenceKind.STATIC_FIELD : ReferenceKind.INSTANCE_FIELD, true));
		return this;
	}

	TestGraph element(long array, int index, long to) {
		this.nodes.get(array).references.add(new Reference(to, "[" + index + "]", ReferenceKind.ARRAY_ELEMENT, true));
		return this;
	}

	/** A {@code java.lang.ref.Reference}'s referent: not a strong reference. */
	TestGraph referent(long reference, long to) {
		this.nodes.get(reference).references.add(new Reference(to, "referent", ReferenceKind.INSTANCE_FIELD, false));
		return this;
	}

	/** Computes the nearest-root tree; call after building. */
	TestGraph done() {
		List<Long> level = new ArrayList<>();
		for (Map.Entry<Long, Node> node : this.nodes.entrySet()) {
			if (node.getValue().root != null) {
				this.parents.put(node.getKey(), node.getKey());
				level.add(node.getKey());
			}
		}
		while (!level.isEmpty()) {
			List<Long> next = new ArrayList<>();
			for (long id : level) {
				for (Reference reference : this.nodes.get(id).references) {
					if (reference.strong() && !this.parents.containsKey(reference.to())) {
						this.parents.put(reference.to(), id);
						next.add(reference.to());
					}
				}
			}
			level = next;
		}
		return this;
	}

	@Override
	public long parent(long id) {
		return this.parents.getOrDefault(id, NONE);
	}

	@Override
	public boolean isRoot(long id) {
		return this.nodes.get(id).root != null;
	}

	@Override
	public GcRoot root(long id) {
		Node node = this.nodes.get(id);
		return new GcRoot(node.root, node.className, node.threadName, null);
	}

	@Override
	public long shallowSize(long id) {
		return this.nodes.get(id).size;
	}

	@Override
	public String className(long id) {
		return this.nodes.get(id).className;
	}

	@Override
	public boolean isClassObject(long id) {
		return this.nodes.get(id).classObject;
	}

	@Override
	public boolean isThread(long id) {
		return this.nodes.get(id).threadName != null;
	}

	@Override
	public boolean isCollection(long id) {
		return this.nodes.get(id).className.startsWith("java.util.") || this.nodes.get(id).collection;
	}

	/** Marks an object whose class extends a JDK collection. */
	TestGraph collection(long id) {
		this.nodes.get(id).collection = true;
		return this;
	}

	@Override
	public @Nullable String threadName(long id) {
		return this.nodes.get(id).threadName;
	}

	@Override
	public void forEachReference(long id, LongConsumer target) {
		this.nodes.get(id).references.stream().filter(Reference::strong).forEach((r) -> target.accept(r.to()));
	}

	@Override
	public void forEachReferrer(long id, LongConsumer source) {
		this.nodes.forEach((from, node) -> {
			if (node.references.stream().anyMatch((r) -> r.to() == id)) {
				source.accept(from);
			}
		});
	}

	@Override
	public boolean refersStrongly(long from, long to) {
		return this.nodes.get(from).references.stream().anyMatch((r) -> r.to() == to && r.strong());
	}

	@Override
	public @Nullable Edge edge(long from, long to) {
		return this.nodes.get(from)
			.references
			.stream()
			.filter((r) -> r.to() == to)
			.findFirst()
			.map((r) -> new Edge(r.kind(), r.name()))
			.orElse(null);
	}

	private static final class Node {

		private final String className;

		private final long size;

		private final boolean classObject;

		private final List<Reference> references = new ArrayList<>();

		private @Nullable GcRootKind root;

		private @Nullable String threadName;

		private boolean collection;

		Node(String className, long size, boolean classObject) {
			this.className = className;
			this.size = size;
			this.classObject = classObject;
		}

	}

	private record Reference(long to, String name, ReferenceKind kind, boolean strong) {

	}

}
