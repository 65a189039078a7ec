package io.leaks.trend;

/**
 * Which evidence a verdict rests on.
 */
public enum Basis {

	/** Not enough of anything yet. */
	NONE,

	/** The floor revealed by old-generation collections. */
	FLOOR_TREND,

	/** Occupancy after young collections only: an upper bound, so at most a suspicion. */
	YOUNG_TREND,

	/**
	 * One whole-heap collection's floor well above the heap young collections left one to
	 * two min-evidence spans before: the retained heap rose at least that fast, a
	 * suspicion for live histograms to measure.
	 */
	FLOOR_ABOVE_CLIMB,

	/** A young-collection suspicion confirmed by live histograms, which measure the true floor. */
	CONFIRMED,

	/** Whole-heap collections no longer lower occupancy from near the limit. */
	PRESSURE,

	/** Periodic samples of a count or size (metaspace, threads). */
	SAMPLES

}
