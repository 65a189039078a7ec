package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leaks.histogram.ClassHistogram;
import org.jspecify.annotations.Nullable;

/**
 * A round of spaced live histograms under way: to confirm a climb seen after young
 * collections, or to name the suspects of a leak found otherwise. Each histogram forces a
 * full collection, so its total is the live floor; the round keeps only compact counts of
 * each, and subtracts what it keeps from the floors it measures next.
 */
final class HistogramRound {

	private final Purpose purpose;

	private final Verdict suspicion;

	private final int count;

	private final long spacingMillis;

	private final List<ClassCounts> steps = new ArrayList<>();

	private final List<Point> liveFloors = new ArrayList<>();

	private long nextAtMillis;

	private boolean hurried;

	private @Nullable Verdict call;

	private int busy;

	HistogramRound(Purpose purpose, Verdict suspicion, int count, long spacingMillis, long startMillis) {
		this.purpose = purpose;
		this.suspicion = suspicion;
		this.count = count;
		this.spacingMillis = spacingMillis;
		this.nextAtMillis = startMillis;
	}

	Purpose purpose() {
		return this.purpose;
	}

	Verdict suspicion() {
		return this.suspicion;
	}

	int count() {
		return this.count;
	}

	int taken() {
		return this.steps.size();
	}

	long spacingMillis() {
		return this.spacingMillis;
	}

	long nextAtMillis() {
		return this.nextAtMillis;
	}

	boolean due(long nowMillis) {
		return nowMillis >= this.nextAtMillis;
	}

	boolean complete() {
		return this.steps.size() >= this.count;
	}

	/**
	 * Records a histogram just taken.
	 * @param atMillis when it finished
	 * @param histogram the histogram
	 */
	void record(long atMillis, ClassHistogram histogram) {
		long own = 0;
		for (ClassCounts step : this.steps) {
			own += step.footprint();
		}
		this.steps.add(ClassCounts.of(histogram));
		this.liveFloors.add(new Point(atMillis, Math.max(0, histogram.totalBytes() - own)));
		this.nextAtMillis = this.hurried ? atMillis : atMillis + this.spacingMillis;
	}

	/**
	 * Takes the rest of the round from the given moment on, one histogram per judgement,
	 * instead of at its spacing.
	 * @param atMillis when the next histogram is due at the latest
	 */
	void hurry(long atMillis) {
		this.nextAtMillis = Math.min(this.nextAtMillis, atMillis);
		this.hurried = true;
	}

	/**
	 * Keeps a leak that measured floors called while this round was under way: it is
	 * called when the round ends.
	 * @param verdict the call
	 */
	void called(Verdict verdict) {
		this.call = verdict;
	}

	/**
	 * The latest leak that measured floors called while this round was under way.
	 * @return the call, or {@code null} if there was none
	 */
	@Nullable Verdict call() {
		return this.call;
	}

	/**
	 * Counts a try refused because another heap operation ran.
	 * @return how many tries were refused so far
	 */
	int busy() {
		return ++this.busy;
	}

	List<Point> liveFloors() {
		return List.copyOf(this.liveFloors);
	}

	SuspectRanking.Ranking ranking() {
		return SuspectRanking.rank(this.steps);
	}

	/**
	 * Why a round is taken.
	 */
	enum Purpose {

		/** To measure the true floor under a climb seen after young collections. */
		CONFIRM,

		/** To name the classes that grow in a leak found on other evidence. */
		SUSPECTS;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
