package io.leaks.trend;

import java.time.Duration;

/**
 * How much evidence the analysis wants before it calls a leak. Everything but the two
 * durations is a named constant, chosen for what it means rather than fitted to any
 * trace (see {@code docs/trend.md}), and the spans that decide a verdict derive from
 * min-evidence, so one setting scales them all.
 *
 * @param warmup time after the JVM starts whose observations are ignored
 * @param minEvidence shortest span of evidence before a verdict
 */
public record TrendSettings(Duration warmup, Duration minEvidence) {

	/** Default {@code leaks.trend.warmup}. */
	public static final Duration DEFAULT_WARMUP = Duration.ofMinutes(2);

	/** Default {@code leaks.trend.min-evidence}. */
	public static final Duration DEFAULT_MIN_EVIDENCE = Duration.ofMinutes(2);

	/**
	 * Fewest observations a trend is judged on: with five strictly rising floors chance
	 * alone has a probability of 1/120, below {@link #SIGNIFICANCE}.
	 */
	public static final int MIN_POINTS = 5;

	/**
	 * Fewest collections a climb after young collections may raise a suspicion on when
	 * they come too rarely for {@link #MIN_POINTS} of them within the persist span: then
	 * only live histograms, spread over the rest of that span, can measure whether it
	 * persists, and only for a climb that would exhaust the heap within {@link #URGENT}.
	 */
	public static final int FEWEST_SPARSE_POINTS = 3;

	/**
	 * The one-sided false-positive rate a rise must beat (Mann–Kendall, exact for a few
	 * points): noise without a trend stays above it.
	 */
	public static final double SIGNIFICANCE = 0.01;

	/** A rise must exceed this many times the scatter of the points around its line. */
	public static final double NOISE_MULTIPLE = 3;

	/**
	 * Growth in the later half of the evidence must keep at least this share of the
	 * earlier half's pace. Warm-up and caches decelerate into a plateau; a leak keeps its pace.
	 */
	public static final double KEEP_PACE = 0.5;

	/**
	 * The fast path: a steady rise that at its pace exhausts the resource within this
	 * time is a leak at once, whatever else is known.
	 */
	public static final Duration URGENT = Duration.ofMinutes(20);

	/**
	 * A rise fast enough to exhaust the resource sooner than this settles the question by
	 * itself within a few spans: a cache levels off below half the free heap, a leak goes
	 * past it (the fast path then calls it with half its time to exhaustion still ahead).
	 * Only slower rises are called on persistence alone, where waiting would take hours.
	 */
	public static final Duration SLOW = Duration.ofHours(2);

	/**
	 * Min-evidence spans a steady rise must persist before it is called a leak on any
	 * grounds, and, on persistence alone, the span over which the retained amount must
	 * have grown by {@link #PERSIST_GROWTH} of its starting level.
	 */
	public static final int PERSIST_SPANS = 2;

	/**
	 * Pace above which a window's growth is taken to have begun in its later half (an
	 * onset), so the rise has persisted only about half the window.
	 */
	public static final double ONSET_PACE = 2;

	/**
	 * Multiple of its starting level a persisting rise must have added to be called on
	 * persistence: a retained heap that tripled while keeping its pace. Services warm up by
	 * tens of percent after their warm-up period, caches level off; what triples within a
	 * few min-evidence spans and keeps going is retained without bound.
	 */
	public static final double PERSIST_GROWTH = 2.0;

	/**
	 * Min-evidence spans after which a steady rise is a leak whatever its size: longer
	 * than a pool ramps to its maximum or a load cycle rises, and the only way threads,
	 * metaspace and mapped files, which grow in steps with the work, are called.
	 */
	public static final int LONG_SPANS = 30;

	/**
	 * Share of its starting level a persisting climb of upper bounds must add for live
	 * histograms to measure it.
	 */
	public static final double CLIMB_GROWTH = 0.5;

	/**
	 * Share of the max heap a climb seen after young collections must add before live
	 * histograms (forced collections) are spent on it.
	 */
	public static final double CLIMB_SHARE_OF_LIMIT = 0.01;

	/** Whole-heap collections in a row that must find the heap near its limit. */
	public static final int PRESSURE_COLLECTIONS = 5;

	/** Share of the max heap still in use after those collections. */
	public static final double PRESSURE_SHARE_OF_MAX = 0.9;

	/** Most points a window is thinned to before fitting (the fit costs n² pairs). */
	public static final int MAX_FIT_POINTS = 64;

	/**
	 * Most points a window of upper bounds (young and mixed collections together) is
	 * thinned to: each keeps the lowest of a wider stretch, which the old-generation
	 * collections in it pull down to near the floor, so their sawtooth does not pass for
	 * a change of pace.
	 */
	public static final int MAX_UPPER_BOUND_POINTS = 24;

	/** The longest window judged: older evidence says little about a leak now. */
	public static final Duration LONGEST_WINDOW = Duration.ofDays(7);

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

	/**
	 * The span a steady rise must persist to be called on persistence.
	 * @return {@link #PERSIST_SPANS} min-evidence spans
	 */
	public Duration persistSpan() {
		return this.minEvidence.multipliedBy(PERSIST_SPANS);
	}

	/**
	 * The span after which a steady rise is a leak whatever its size.
	 * @return {@link #LONG_SPANS} min-evidence spans
	 */
	public Duration longSpan() {
		return this.minEvidence.multipliedBy(LONG_SPANS);
	}

}
