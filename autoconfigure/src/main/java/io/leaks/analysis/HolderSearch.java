package io.leaks.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, from the paths of a class's instances, the objects that hold most of them (the
 * owners) and groups the paths by pattern.
 * <p>
 * An instance's owner is found on its path: the nearest object towards the root through
 * which at least a tenth of the examined instances pass, then followed up through the
 * objects it is a part of, to where application code, a class's static field, a thread or
 * an array holds it. That last step turns a {@code ConcurrentHashMap$Node[]} into the
 * {@code ConcurrentHashMap} it belongs to, and that into the set view an event bus keeps,
 * so the owner is named the way its code names it.
 */
final class HolderSearch {

	/** Share of the examined instances an object must hold to be an owner. */
	static final double OWNER_SHARE = 0.1;

	/** Thread names kept per path group. */
	static final int MAX_THREADS = 5;

	private final ObjectGraph graph;

	private final PathTree tree;

	HolderSearch(ObjectGraph graph, PathTree tree) {
		this.graph = graph;
		this.tree = tree;
	}

	/**
	 * Owners and path groups of one class.
	 * @param chains the paths of the examined instances (root first)
	 * @param scale how many reachable instances each examined one stands for (1 unless
	 * sampled)
	 * @param maxOwners most owners reported
	 * @param maxPaths most path groups reported
	 * @return the owners without retained sizes yet, and the path groups
	 */
	Holders search(List<long[]> chains, double scale, int maxOwners, int maxPaths) {
		LongLongMap through = new LongLongMap(chains.size() * 4);
		for (long[] chain : chains) {
			for (int i = 0; i < chain.length - 1; i++) {
				through.increment(chain[i]);
			}
		}
		long threshold = Math.max(1, (long) Math.ceil(chains.size() * OWNER_SHARE));
		Map<Long, Found> owners = new LinkedHashMap<>();
		Map<String, Group> groups = new LinkedHashMap<>();
		for (long[] chain : chains) {
			int owner = owner(chain, through, threshold);
			if (owner >= 0) {
				owners.computeIfAbsent(chain[owner], (id) -> new Found(chain, owner)).instances++;
			}
			RootPath path = this.tree.path(chain, chain.length - 1);
			Group group = groups.computeIfAbsent(path.pattern(), (pattern) -> new Group(path));
			group.instances++;
			String thread = path.root().thread();
			if (thread != null && group.threads.size() < MAX_THREADS) {
				group.threads.add(thread);
			}
		}
		List<Found> topOwners = owners.values()
			.stream()
			.sorted(Comparator.comparingLong((Found found) -> found.instances).reversed())
			.limit(maxOwners)
			.toList();
		List<PathGroup> topGroups = groups.values()
			.stream()
			.sorted(Comparator.comparingLong((Group group) -> group.instances).reversed())
			.limit(maxPaths)
			.map((group) -> new PathGroup(Math.round(group.instances * scale), group.example,
					List.copyOf(group.threads)))
			.toList();
		List<Candidate> candidates = new ArrayList<>();
		for (Found found : topOwners) {
			candidates.add(new Candidate(found.chain[found.index], Math.round(found.instances * scale),
					this.tree.path(found.chain, found.index)));
		}
		return new Holders(candidates, topGroups);
	}

	/**
	 * The index on the chain of the instance's owner, or -1 when no object on its path
	 * holds enough instances.
	 */
	private int owner(long[] chain, LongLongMap through, long threshold) {
		int index = -1;
		for (int i = chain.length - 2; i >= 0; i--) {
			if (through.get(chain[i], 0) >= threshold) {
				index = i;
				break;
			}
		}
		if (index < 0) {
			return -1;
		}
		while (index > 0 && isInternal(chain[index], chain[index - 1])) {
			index--;
		}
		return index;
	}

	/**
	 * Whether an object is a part of the object holding it rather than something it
	 * holds: an array inside a JDK object (an {@code ArrayList}'s elements, a map's table),
	 * a JDK object inside another (the map inside a set view), or a node of a linked
	 * structure inside the previous node. A subclass of a JDK collection counts as one. An element of an array is never internal: it is
	 * what the array holds.
	 */
	private boolean isInternal(long part, long holder) {
		if (this.graph.isClassObject(holder) || this.graph.isThread(holder)) {
			return false;
		}
		String partClass = this.graph.className(part);
		String holderClass = this.graph.className(holder);
		if (partClass.equals(holderClass)) {
			return true;
		}
		boolean partIsArray = partClass.endsWith("[]");
		boolean holderIsArray = holderClass.endsWith("[]");
		if (holderIsArray || !(ClassNames.isJdk(holderClass) || this.graph.isCollection(holder))) {
			return false;
		}
		return partIsArray || ClassNames.isJdk(partClass) || this.graph.isCollection(part);
	}

	/**
	 * An owner before its retained size is known.
	 *
	 * @param id the owner object
	 * @param instances instances it holds (scaled to all reachable ones)
	 * @param path its path from its root
	 */
	record Candidate(long id, long instances, RootPath path) {

	}

	/**
	 * What {@link #search} found.
	 *
	 * @param owners the owners, most instances first
	 * @param paths the path groups, most instances first
	 */
	record Holders(List<Candidate> owners, List<PathGroup> paths) {

	}

	private static final class Found {

		private final long[] chain;

		private final int index;

		private long instances;

		Found(long[] chain, int index) {
			this.chain = chain;
			this.index = index;
		}

	}

	private static final class Group {

		private final RootPath example;

		private final Set<String> threads = new LinkedHashSet<>();

		private long instances;

		Group(RootPath example) {
			this.example = example;
		}

	}

}
