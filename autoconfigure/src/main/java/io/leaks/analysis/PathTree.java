package io.leaks.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The shortest paths from GC roots to a set of objects: together they form a tree, since
 * every object keeps one pointer to the next object towards its nearest root. Walking up
 * is memoised, so paths that share a long prefix (every element of one big collection)
 * cost little more than one.
 */
final class PathTree {

	/** Deeper than any real path; stops a corrupt dump from looping. */
	static final int MAX_DEPTH = 10_000;

	private static final String THREAD_LOCALS = "threadLocals";

	private static final String INHERITABLE_THREAD_LOCALS = "inheritableThreadLocals";

	private final ObjectGraph graph;

	private final LongLongMap parents = new LongLongMap(1024);

	/** The reference to each object on a path from the one before it (a tree: one each). */
	private final Map<Long, Optional<ObjectGraph.Edge>> edges = new HashMap<>();

	private final Map<Long, String> classNames = new HashMap<>();

	PathTree(ObjectGraph graph) {
		this.graph = graph;
	}

	/**
	 * The objects from a GC root to the object.
	 * @param id the object
	 * @return the ids, root first, the object last; empty if no root reaches it
	 */
	long[] chain(long id) {
		long[] reversed = new long[16];
		int length = 0;
		long current = id;
		while (length < MAX_DEPTH) {
			if (length == reversed.length) {
				reversed = Arrays.copyOf(reversed, length * 2);
			}
			reversed[length++] = current;
			long parent = parent(current);
			if (parent == ObjectGraph.NONE) {
				return new long[0];
			}
			if (parent == current) {
				break;
			}
			current = parent;
		}
		long[] chain = new long[length];
		for (int i = 0; i < length; i++) {
			chain[i] = reversed[length - 1 - i];
		}
		return chain;
	}

	private long parent(long id) {
		long known = this.parents.get(id, -1);
		if (known != -1) {
			return known;
		}
		long parent = this.graph.parent(id);
		this.parents.put(id, parent);
		return parent;
	}

	/**
	 * Where the path that matters starts: at the last class (a static field holds the
	 * rest) or thread (its stack or thread-locals hold the rest) on the way, or else at the
	 * GC root itself. Everything before it (class loaders, thread groups) is the same for
	 * every path and says nothing about the leak.
	 * @param chain the objects from a root to the target
	 * @return the index the reported path starts at
	 */
	int anchor(long[] chain) {
		for (int i = chain.length - 2; i > 0; i--) {
			if (this.graph.isClassObject(chain[i]) || this.graph.isThread(chain[i])) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * The path from the anchor to the object at {@code end}.
	 * @param chain the objects from a root to the target
	 * @param end index of the last object of the path
	 * @return the path
	 */
	RootPath path(long[] chain, int end) {
		int start = Math.min(anchor(chain), end);
		List<PathStep> steps = new ArrayList<>(end - start + 1);
		ObjectGraph.@Nullable Edge first = null;
		for (int i = start; i < end; i++) {
			ObjectGraph.@Nullable Edge edge = edge(chain[i], chain[i + 1]);
			if (i == start) {
				first = edge;
			}
			steps.add((edge != null) ? new PathStep(className(chain[i]), edge.kind(), edge.name())
					: new PathStep(className(chain[i]), ReferenceKind.INSTANCE_FIELD, "?"));
		}
		steps.add(PathStep.last(className(chain[end])));
		return new RootPath(root(chain[start], start, first), steps);
	}

	private ObjectGraph.@Nullable Edge edge(long from, long to) {
		Optional<ObjectGraph.Edge> known = this.edges.get(to);
		if (known == null) {
			known = Optional.ofNullable(this.graph.edge(from, to));
			this.edges.put(to, known);
		}
		return known.orElse(null);
	}

	private String className(long id) {
		return this.classNames.computeIfAbsent(id, this.graph::className);
	}

	private GcRoot root(long anchor, int index, ObjectGraph.@Nullable Edge first) {
		if (this.graph.isClassObject(anchor) && first != null && first.kind() == ReferenceKind.STATIC_FIELD) {
			return new GcRoot(GcRootKind.STATIC_FIELD, className(anchor), null, null);
		}
		if (this.graph.isThread(anchor)) {
			boolean local = first != null
					&& (THREAD_LOCALS.equals(first.name()) || INHERITABLE_THREAD_LOCALS.equals(first.name()));
			if (local || index > 0) {
				return new GcRoot(local ? GcRootKind.THREAD_LOCAL : GcRootKind.THREAD, className(anchor),
						this.graph.threadName(anchor), null);
			}
		}
		if (index == 0 && this.graph.isRoot(anchor)) {
			return this.graph.root(anchor);
		}
		return new GcRoot(GcRootKind.OTHER, className(anchor), null, null);
	}

}
