package io.leaks.allocation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Groups old-object samples by the chain that keeps them alive, the way a reader groups
 * them: the same classes and fields from the same kind of root are one finding however
 * many samples share it. JFR keeps a bounded queue of samples (256 by default), so this
 * holds at most that many chains.
 */
public final class ChainTally {

	private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

	private static final int MAX_GROUPS = 4096;

	private final ApplicationFrames frames;

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final Map<String, Long> sampledClasses = new HashMap<>();

	private long samples;

	private long withRoot;

	private long ungrouped;

	public ChainTally(ApplicationFrames frames) {
		this.frames = frames;
	}

	/**
	 * Adds one old-object sample.
	 * @param retained the sample
	 */
	public synchronized void add(RetainedObject retained) {
		this.samples++;
		if (retained.root() != null) {
			this.withRoot++;
		}
		this.sampledClasses.merge(retained.objectClass(), 1L, Long::sum);
		String key = key(retained);
		Group group = this.groups.get(key);
		if (group == null) {
			if (this.groups.size() >= MAX_GROUPS) {
				this.ungrouped++;
				return;
			}
			group = new Group(retained, allocationSite(retained.allocationStack()));
			this.groups.put(key, group);
		}
		group.count++;
		group.oldestAgeMillis = Math.max(group.oldestAgeMillis, retained.ageMillis());
	}

	/**
	 * How many old-object samples were added.
	 * @return the count
	 */
	public synchronized long samples() {
		return this.samples;
	}

	/**
	 * The samples, their classes and the chains shared by most samples.
	 * @param maxChains most chains listed
	 * @param maxClasses most sampled classes listed
	 * @return the findings
	 */
	public synchronized Findings findings(int maxChains, int maxClasses) {
		List<ReferenceChain> sorted = sortedChains();
		List<ClassCount> classes = this.sampledClasses.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(maxClasses)
			.map((entry) -> new ClassCount(entry.getKey(), entry.getValue()))
			.toList();
		List<ReferenceChain> shown = sorted.subList(0, Math.min(maxChains, sorted.size()));
		return new Findings(this.samples, this.withRoot, classes, List.copyOf(shown), sorted.size() - shown.size(),
				this.ungrouped);
	}

	/**
	 * The chains a class is on, as the sampled object or as a holder of it, shared by
	 * most samples first.
	 * @param className a canonical class name
	 * @param max most chains
	 * @return the chains
	 */
	public synchronized List<ReferenceChain> involving(String className, int max) {
		return sortedChains().stream().filter((chain) -> chain.involves(className)).limit(max).toList();
	}

	private List<ReferenceChain> sortedChains() {
		return this.groups.values()
			.stream()
			.sorted(Comparator.comparingLong((Group group) -> group.count).reversed())
			.map(Group::chain)
			.toList();
	}

	private @Nullable String allocationSite(List<Frame> stack) {
		if (stack.isEmpty()) {
			return null;
		}
		return stack.get(Math.max(this.frames.firstApplicationFrame(stack), 0)).site();
	}

	/**
	 * What makes two chains the same: classes and fields, not array indices, and not how
	 * many links of one class lead on to the next (the {@code next} links of a hash bucket
	 * or a linked list).
	 */
	private static String key(RetainedObject retained) {
		StringBuilder key = new StringBuilder(retained.objectClass()).append('|');
		GcRoot root = retained.root();
		key.append((root != null) ? root.system() + "/" + root.type() : "-");
		List<PathStep> path = retained.path();
		for (int i = 0; i < path.size(); i++) {
			PathStep step = path.get(i);
			boolean link = i + 1 < path.size() && path.get(i + 1).className().equals(step.className())
					&& step.skipped() == 0;
			if (link) {
				continue;
			}
			key.append('|').append(step.className());
			if (step.reference() != null) {
				key.append('.').append(INDEX.matcher(step.reference()).replaceAll("[]"));
			}
			if (step.skipped() > 0) {
				key.append("...");
			}
		}
		return key.toString();
	}

	/**
	 * What the old-object samples showed.
	 *
	 * @param samples old-object samples read
	 * @param withRoot those with a chain to a GC root
	 * @param sampledClasses the classes sampled, most samples first
	 * @param chains the chains shared by most samples, most first
	 * @param otherChains how many more chains were found and are not listed
	 * @param ungrouped samples beyond the bound on distinct chains
	 */
	public record Findings(long samples, long withRoot, List<ClassCount> sampledClasses, List<ReferenceChain> chains,
			long otherChains, long ungrouped) {

		/** No old-object samples: none asked for, or none could be taken. */
		public static final Findings NONE = new Findings(0, 0, List.of(), List.of(), 0, 0);

	}

	private static final class Group {

		private final RetainedObject first;

		private final @Nullable String allocationSite;

		private long count;

		private long oldestAgeMillis;

		Group(RetainedObject first, @Nullable String allocationSite) {
			this.first = first;
			this.allocationSite = allocationSite;
		}

		ReferenceChain chain() {
			return new ReferenceChain(this.first.objectClass(), this.count, this.first.root(),
					this.first.path(), this.allocationSite, this.oldestAgeMillis);
		}

	}

}
