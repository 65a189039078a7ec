package io.leaks.trend;

import java.time.Duration;

/**
 * How much evidence the analysis wants before it calls a leak. Everything but the two
 * durations is a named constant: they were set once, on recorded traces, and hold for
 * every service (see {@code docs/benchmarks.md}).
 *
 * @param warmup time after the JVM starts whose observations are ignored
 * @param minEvidence shortest span of evidence before a leak verdict
 */
public record TrendSettings(Duration warmup, Duration minEvidence) {

	/** Default {@code leaks.trend.warmup}. */
	public static final Duration DEFAULT_WARMUP = Duration.ofMinutes(2);

	/** Default {@code leaks.trend.min-evidence}. */
	public static final Duration DEFAULT_MIN_EVIDENCE = Duration.ofMinutes(2);

	/** Fewest observations (collections or samples) a trend is judged on. */
	public static final int MIN_POINTS = 8;

	/**
	 * Mann–Kendall statistic a rise must reach (one-sided p below 1%): noise without a
	 * trend stays under it.
	 */
	public static final double MIN_TREND_Z = 2.33;

	/**
	 * Growth in the later half of the evidence must keep at least this share of the
	 * earlier half's pace. Warm-up decelerates into a plateau; a leak keeps its pace.
	 */
	public static final double KEEP_PACE = 0.5;

	/**
	 * A leak is called when, at its pace, the headroom left runs out within this many
	 * spans of the evidence: the projection never reaches further ahead than the
	 * observation reaches back. So a slow drift in a large heap needs a long record, and
	 * a fast one a short record.
	 */
	public static final double HORIZON_SPANS = 1.0;

	/** Whole-heap collections in a row that must find the heap near its limit. */
	public static final int PRESSURE_COLLECTIONS = 5;

	/** Share of the max heap still in use after those collections. */
	public static final double PRESSURE_SHARE_OF_MAX = 0.9;

	/**
	 * Share of the committed heap in use after back-to-back full collections: the JVM
	 * grows the heap to keep about 40% free after a full collection
	 * ({@code MinHeapFreeRatio}), so more than 80% in use means it cannot grow any more.
	 */
	public static final double PRESSURE_SHARE_OF_COMMITTED = 0.8;

	/** Most points a window is thinned to before fitting (the fit costs n² pairs). */
	public static final int MAX_FIT_POINTS = 64;

	/**
	 * Windows judged per series, each half the last: the shortest covers a 64th of the
	 * record (or min-evidence, if longer).
	 */
	public static final int MAX_WINDOWS = 7;

	public TrendSettings {
		if (warmup.isNegative()) {
			throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
		}
		if (minEvidence.isNegative() || minEvidence.isZero()) {
			throw new IllegalArgumentException("minEvidence must be positive, was " + minEvidence);
		}
	}

	public static TrendSettings defaults() {
		return new TrendSettings(DEFAULT_WARMUP, DEFAULT_MIN_EVIDENCE);
	}

}
