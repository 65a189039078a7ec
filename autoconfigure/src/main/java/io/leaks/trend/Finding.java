package io.leaks.trend;

/**
 * What the evidence about one resource shows: the verdict's substance, worded for people
 * in one place ({@link VerdictText}) and mapped to the three statuses users route on.
 */
public enum Finding {

	/** Nothing judged yet: the first judgement comes one interval after start. */
	NOT_JUDGED(TrendStatus.COLLECTING),

	/** Still inside the warm-up, whose observations are ignored. */
	WARMING_UP(TrendStatus.COLLECTING),

	/** Too few observations (collections or samples) yet. */
	NEEDS_OBSERVATIONS(TrendStatus.COLLECTING),

	/** Observations span too short a time yet. */
	NEEDS_SPAN(TrendStatus.COLLECTING),

	/**
	 * Only young collections show the climb and live histograms cannot confirm it (turned
	 * off or unavailable): a leak can be called only once old-generation collections show
	 * it, or near exhaustion.
	 */
	NEEDS_OLD_COLLECTION(TrendStatus.COLLECTING),

	/** Young collections show a climb that live histograms are about to measure. */
	CONFIRMING(TrendStatus.COLLECTING),

	/**
	 * Retained memory rises steadily, but not yet for long enough, or far enough, to tell
	 * a cache filling from a leak.
	 */
	FILLING(TrendStatus.COLLECTING),

	/** No significant rise. */
	FLAT(TrendStatus.STABLE),

	/** It rose, and is levelling off, as warm-up and caches do. */
	LEVELLING_OFF(TrendStatus.STABLE),

	/** Young collections climbed, but live histograms measured no matching rise: garbage. */
	REFUTED(TrendStatus.STABLE),

	/** Retained memory keeps growing without levelling off: a leak, however far exhaustion is. */
	GROWING(TrendStatus.LEAK_SUSPECTED),

	/** A steady rise that exhausts the resource soon: the fast path. */
	FILLS_SOON(TrendStatus.LEAK_SUSPECTED),

	/** Whole-heap collections no longer free memory near the limit. */
	PRESSURE(TrendStatus.LEAK_SUSPECTED);

	private final TrendStatus status;

	Finding(TrendStatus status) {
		this.status = status;
	}

	public TrendStatus status() {
		return this.status;
	}

	/**
	 * Whether this is a leak.
	 * @return whether the status is {@code LEAK_SUSPECTED}
	 */
	public boolean leak() {
		return this.status == TrendStatus.LEAK_SUSPECTED;
	}

}
