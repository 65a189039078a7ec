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

	/** A young-collection suspicion confirmed by live histograms, which measure the true floor. */
	CONFIRMED,

	/** Whole-heap collections no longer lower occupancy from near the limit. */
	PRESSURE,

	/** Periodic samples of a count or size (metaspace, threads). */
	SAMPLES

}
