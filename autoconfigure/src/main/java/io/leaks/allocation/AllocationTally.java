package io.leaks.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums sampled allocations by class and by allocation site while a recording runs, within
 * fixed bounds: at most {@link Limits#classes()} classes and {@link Limits#sites()} sites
 * (over all classes) are told apart; samples beyond them still count in the totals and the
 * "other" figures. Heavy classes and sites show up early in weight-proportional samples,
 * so the bound loses detail only about the rare ones. Thread-safe: JFR's stream thread
 * adds while a request reads.
 */
public final class AllocationTally {

	private final Set<String> wanted;

	private final ApplicationFrames frames;

	private final Limits limits;

	private final Map<String, ClassTally> classes = new HashMap<>();

	private long samples;

	private long sampledBytes;

	private long untrackedSamples;

	private long untrackedBytes;

	private int trackedSites;

	/**
	 * Creates an empty tally.
	 * @param wanted canonical names of the classes to tally, or empty for every class
	 * @param frames tells the application's frames from the others
	 * @param limits the bounds
	 */
	public AllocationTally(Set<String> wanted, ApplicationFrames frames, Limits limits) {
		this.wanted = Set.copyOf(wanted);
		this.frames = frames;
		this.limits = limits;
	}

	/**
	 * Adds one sample.
	 * @param sample the sampled allocation
	 */
	public synchronized void add(AllocationSample sample) {
		long weight = Math.max(0, sample.weight());
		this.samples++;
		this.sampledBytes += weight;
		if (!this.wanted.isEmpty() && !this.wanted.contains(sample.className())) {
			return;
		}
		ClassTally tally = this.classes.get(sample.className());
		if (tally == null) {
			if (this.classes.size() >= this.limits.classes()) {
				this.untrackedSamples++;
				this.untrackedBytes += weight;
				return;
			}
			tally = new ClassTally();
			this.classes.put(sample.className(), tally);
		}
		tally.add(sample.stack(), weight);
	}

	/**
	 * The figures of the whole recording.
	 * @return totals over every class
	 */
	public synchronized Totals totals() {
		return new Totals(this.samples, this.sampledBytes, this.classes.size(), this.untrackedSamples,
				this.untrackedBytes);
	}

	/**
	 * The classes asked for, in the order they were asked for (a class never sampled has
	 * zero samples and no sites), or else the classes with the most sampled bytes.
	 * @param requested canonical class names asked for, or empty
	 * @param maxClasses most classes when none were asked for
	 * @param maxSites most sites per class
	 * @return the classes and their top sites
	 */
	public synchronized List<ClassAllocations> classes(List<String> requested, int maxClasses, int maxSites) {
		List<String> names;
		if (!requested.isEmpty()) {
			names = List.copyOf(new LinkedHashSet<>(requested));
		}
		else {
			names = this.classes.entrySet()
				.stream()
				.sorted(Comparator.comparingLong((Map.Entry<String, ClassTally> entry) -> entry.getValue().bytes)
					.reversed()
					.thenComparing(Map.Entry::getKey))
				.limit(maxClasses)
				.map(Map.Entry::getKey)
				.toList();
		}
		List<ClassAllocations> result = new ArrayList<>(names.size());
		for (String name : names) {
			ClassTally tally = this.classes.get(name);
			result.add((tally != null) ? tally.view(name, maxSites)
					: new ClassAllocations(name, 0, 0, List.of(), 0, 0, 0));
		}
		return result;
	}

	/**
	 * Bounds on what is told apart.
	 *
	 * @param classes most classes tallied one by one
	 * @param sites most sites tallied one by one, over all classes
	 * @param stackFrames most application frames kept for a site's stack
	 */
	public record Limits(int classes, int sites, int stackFrames) {

		/** Enough for the classes and sites that matter in a long recording, a few MB at most. */
		public static final Limits DEFAULT = new Limits(1000, 10_000, 8);

	}

	/**
	 * The figures of a whole recording.
	 *
	 * @param samples sampled allocations of every class
	 * @param sampledBytes bytes they stand for
	 * @param classes classes tallied one by one
	 * @param untrackedSamples samples of classes beyond {@link Limits#classes()}
	 * @param untrackedBytes bytes those stand for
	 */
	public record Totals(long samples, long sampledBytes, int classes, long untrackedSamples, long untrackedBytes) {

	}

	private final class ClassTally {

		private final Map<String, SiteTally> sites = new HashMap<>();

		private long samples;

		private long bytes;

		private long untrackedSamples;

		private long untrackedBytes;

		void add(List<Frame> stack, long weight) {
			this.samples++;
			this.bytes += weight;
			int first = AllocationTally.this.frames.firstApplicationFrame(stack);
			String site = stack.isEmpty() ? AllocationSite.NO_STACK_TRACE : stack.get(Math.max(first, 0)).site();
			SiteTally tally = this.sites.get(site);
			if (tally == null) {
				if (AllocationTally.this.trackedSites >= AllocationTally.this.limits.sites()) {
					this.untrackedSamples++;
					this.untrackedBytes += weight;
					return;
				}
				tally = new SiteTally(site, first >= 0);
				this.sites.put(site, tally);
				AllocationTally.this.trackedSites++;
			}
			tally.add(stack, first, weight);
		}

		ClassAllocations view(String name, int maxSites) {
			List<SiteTally> sorted = this.sites.values()
				.stream()
				.sorted(Comparator.comparingLong((SiteTally site) -> site.bytes)
					.reversed()
					.thenComparing((site) -> site.site))
				.toList();
			List<AllocationSite> shown = sorted.stream().limit(maxSites).map(SiteTally::view).toList();
			long otherSamples = this.untrackedSamples;
			long otherBytes = this.untrackedBytes;
			for (SiteTally hidden : sorted.subList(shown.size(), sorted.size())) {
				otherSamples += hidden.samples;
				otherBytes += hidden.bytes;
			}
			return new ClassAllocations(name, this.samples, this.bytes, shown, sorted.size() - shown.size(),
					otherSamples, otherBytes);
		}

	}

	private final class SiteTally {

		private final String site;

		private final boolean application;

		private long samples;

		private long bytes;

		private long heaviest = -1;

		private List<String> stack = List.of();

		SiteTally(String site, boolean application) {
			this.site = site;
			this.application = application;
		}

		void add(List<Frame> frames, int first, long weight) {
			this.samples++;
			this.bytes += weight;
			if (weight > this.heaviest) {
				this.heaviest = weight;
				this.stack = applicationStack(frames, first);
			}
		}

		private List<String> applicationStack(List<Frame> frames, int first) {
			if (first < 0) {
				return frames.isEmpty() ? List.of() : List.of(frames.get(0).site());
			}
			List<String> kept = new ArrayList<>();
			ApplicationFrames rule = AllocationTally.this.frames;
			for (int i = first; i < frames.size() && kept.size() < AllocationTally.this.limits.stackFrames(); i++) {
				if (rule.isApplication(frames.get(i))) {
					kept.add(frames.get(i).site());
				}
			}
			return List.copyOf(kept);
		}

		AllocationSite view() {
			return new AllocationSite(this.site, this.application, this.samples, this.bytes, this.stack);
		}

	}

}
