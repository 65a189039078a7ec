package io.leaks.analysis;

import java.util.Arrays;

/**
 * What a set of objects retains: the objects that every path from a GC root to them passes
 * through the set, so that they would be freed with it. Computed locally instead of with a
 * dominator tree of the whole heap: the retained objects all lie below the set on the tree
 * of shortest root paths, so the search starts from that subtree and repeatedly drops the
 * objects that something outside what is left still refers to. What is left when nothing
 * more drops is exactly the retained set. The search explores at most a given number of
 * objects; beyond it the figure is a lower bound.
 */
final class RetainedSizes {

	private static final long MEMBER = 1;

	private static final long START = 2;

	private static final long DROPPED = 3;

	private RetainedSizes() {
	}

	/**
	 * Measures what the objects retain.
	 * @param graph the heap
	 * @param starts the objects (reachable ones; others are ignored)
	 * @param maxObjects most objects explored
	 * @return the retained bytes and whether the figure is exact
	 */
	static Retained of(ObjectGraph graph, long[] starts, long maxObjects) {
		LongLongMap states = new LongLongMap(Math.max(16, starts.length * 4));
		long[] queue = new long[Math.max(16, starts.length)];
		int tail = 0;
		for (long start : starts) {
			if (!states.containsKey(start) && graph.parent(start) != ObjectGraph.NONE) {
				states.put(start, START);
				queue = push(queue, tail++, start);
			}
		}
		boolean[] truncated = { false };
		// The subtree: objects whose nearest root path runs through the starts.
		for (int head = 0; head < tail; head++) {
			long current = queue[head];
			long[][] grown = { queue };
			int[] end = { tail };
			graph.forEachReference(current, (target) -> {
				if (states.containsKey(target) || graph.isClassObject(target) || graph.parent(target) != current) {
					return;
				}
				if (states.size() >= maxObjects) {
					truncated[0] = true;
					return;
				}
				states.put(target, MEMBER);
				grown[0] = push(grown[0], end[0]++, target);
			});
			queue = grown[0];
			tail = end[0];
		}
		// Drop what something outside still refers to, and what only dropped objects held.
		long[] work = new long[Math.max(16, tail)];
		int pending = 0;
		for (int i = 0; i < tail; i++) {
			if (states.get(queue[i], 0) == MEMBER) {
				work = push(work, pending++, queue[i]);
			}
		}
		while (pending > 0) {
			long current = work[--pending];
			if (states.get(current, 0) != MEMBER || heldOnlyFromInside(graph, states, current)) {
				continue;
			}
			states.put(current, DROPPED);
			long[][] grown = { work };
			int[] end = { pending };
			graph.forEachReference(current, (target) -> {
				if (states.get(target, 0) == MEMBER) {
					grown[0] = push(grown[0], end[0]++, target);
				}
			});
			work = grown[0];
			pending = end[0];
		}
		long bytes = 0;
		for (int i = 0; i < tail; i++) {
			long state = states.get(queue[i], 0);
			if (state == MEMBER || state == START) {
				bytes += graph.shallowSize(queue[i]);
			}
		}
		return new Retained(bytes, !truncated[0]);
	}

	private static boolean heldOnlyFromInside(ObjectGraph graph, LongLongMap states, long id) {
		if (graph.isRoot(id)) {
			return false;
		}
		boolean[] inside = { true };
		graph.forEachReferrer(id, (referrer) -> {
			if (inside[0]) {
				long state = states.get(referrer, 0);
				boolean kept = state == MEMBER || state == START;
				if (!kept && graph.parent(referrer) != ObjectGraph.NONE && graph.refersStrongly(referrer, id)) {
					inside[0] = false;
				}
			}
		});
		return inside[0];
	}

	private static long[] push(long[] array, int index, long value) {
		long[] target = (index < array.length) ? array : Arrays.copyOf(array, array.length * 2);
		target[index] = value;
		return target;
	}

	/**
	 * A retained size.
	 *
	 * @param bytes the bytes retained
	 * @param exact whether every retained object was explored ({@code false}: a lower bound)
	 */
	record Retained(long bytes, boolean exact) {

	}

}
