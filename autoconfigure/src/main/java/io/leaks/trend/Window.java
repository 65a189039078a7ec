package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One stretch of a series, ending at its latest point, fitted: how fast it rises, how
 * surely, whether it keeps its pace, and when at that pace it reaches its limit.
 */
final class Window {

	/** Growth a rise must reach at least, in bytes or counts, whatever the noise. */
	static final double MIN_BYTES = 1024 * 1024;

	private static final double MIN_COUNT = 3;

	/** Pace reported when the earlier half did not grow but the later half does. */
	static final double ACCELERATING = 10.0;

	private final TrendFit fit;

	private final TrendFit current;

	private final double startLevel;

	private final @Nullable List<Point> laterPoints;

	private final double pace;

	private final long limit;

	private final boolean bytes;

	private Window(TrendFit fit, TrendFit current, double startLevel, double pace, long limit, boolean bytes,
			@Nullable List<Point> laterPoints) {
		this.laterPoints = laterPoints;
		this.fit = fit;
		this.current = current;
		this.startLevel = startLevel;
		this.pace = pace;
		this.limit = limit;
		this.bytes = bytes;
	}

	/**
	 * Fits the points.
	 * @param points at least two points, oldest first
	 * @param limit the most the resource may reach, or a non-positive value if unlimited
	 * @param bytes whether the values are bytes
	 * @return the window
	 */
	static Window of(List<Point> points, long limit, boolean bytes) {
		return of(points, limit, bytes, TrendSettings.MAX_FIT_POINTS);
	}

	/**
	 * Fits the points, thinned to at most the given number.
	 * @param points at least two points, oldest first
	 * @param limit the most the resource may reach, or a non-positive value if unlimited
	 * @param bytes whether the values are bytes
	 * @param maxPoints points kept at most, each the lowest of its stretch of time
	 * @return the window
	 */
	static Window of(List<Point> points, long limit, boolean bytes, int maxPoints) {
		List<Point> thinned = thin(points, maxPoints);
		TrendFit fit = TrendFit.of(thinned);
		TrendFit[] halves = halves(thinned);
		double pace = (halves != null) ? pace(halves[0].slope(), halves[1].slope()) : 1;
		// Project at the current pace, the later half's, when it is the slower: for growth
		// that levels off the window's line runs too steep and overshoots at its end. A
		// faster later half is not trusted on its fewer points (one outlier makes it).
		TrendFit current = (halves != null && halves[1].slope() > 0 && halves[1].slope() < fit.slope()) ? halves[1]
				: fit;
		List<Point> later = null;
		if (halves != null) {
			long middle = (thinned.get(0).atMillis() + thinned.get(thinned.size() - 1).atMillis()) / 2;
			later = thinned.stream().filter((point) -> point.atMillis() > middle).toList();
		}
		return new Window(fit, current, startLevel(thinned, fit), pace, limit, bytes, later);
	}

	/**
	 * The later half of the window judged on its own, for an onset: whether what rose in it
	 * rose steadily.
	 * @return the later half, or {@code null} if it has too few points
	 */
	@Nullable Window laterHalf() {
		if (this.laterPoints == null || this.laterPoints.size() < TrendSettings.MIN_POINTS) {
			return null;
		}
		return of(this.laterPoints, this.limit, this.bytes, this.laterPoints.size());
	}

	/**
	 * The level the window began at: the fitted line's, unless the lowest point of its
	 * first quarter is higher. A line fitted through a flat stretch and the rise that
	 * followed it starts too low, and would make the rise look larger than it is.
	 */
	private static double startLevel(List<Point> points, TrendFit fit) {
		long first = points.get(0).atMillis();
		long quarter = first + (points.get(points.size() - 1).atMillis() - first) / 4;
		long lowest = Long.MAX_VALUE;
		for (Point point : points) {
			if (point.atMillis() <= quarter) {
				lowest = Math.min(lowest, point.value());
			}
		}
		return Math.max(fit.valueAt(first), lowest);
	}

	TrendFit fit() {
		return this.fit;
	}

	double pace() {
		return this.pace;
	}

	long limit() {
		return this.limit;
	}

	boolean bounded() {
		return this.limit > 0;
	}

	long spanMillis() {
		return this.fit.spanMillis();
	}

	int points() {
		return this.fit.count();
	}

	/** The fitted level at the window's start. */
	double start() {
		return this.fit.valueAt(this.fit.fromMillis());
	}

	/** The fitted level at its end, at the current pace. */
	double level() {
		return Math.min(this.current.valueAt(this.fit.toMillis()), this.fit.valueAt(this.fit.toMillis()));
	}

	/** What the fitted line added over the window. */
	double growth() {
		return this.fit.slope() * this.fit.spanMillis();
	}

	/**
	 * How many times its starting level the window added since it began, as measured.
	 * @return the added amount over the starting level (0 when it started at nothing)
	 */
	double grownShare() {
		double risen = level() - this.startLevel;
		return (this.startLevel > 0) ? risen / this.startLevel : (risen > 0) ? Double.POSITIVE_INFINITY : 0;
	}

	/** Growth per millisecond at the current pace. */
	double slope() {
		return this.current.slope();
	}

	double perMinute() {
		return this.current.perMinute();
	}

	/**
	 * Milliseconds until the line reaches the limit at the current pace.
	 * @return the time left, or infinity if the resource has no limit or does not grow
	 */
	double untilLimit() {
		if (!bounded() || this.current.slope() <= 0) {
			return Double.POSITIVE_INFINITY;
		}
		return Math.max(0, this.limit - level()) / this.current.slope();
	}

	/**
	 * Whether the series rises: significantly (Mann–Kendall), by more than its own scatter,
	 * and by a least amount.
	 */
	boolean rises() {
		double least = Math.max(TrendSettings.NOISE_MULTIPLE * this.fit.noise(), this.bytes ? MIN_BYTES : MIN_COUNT);
		return this.fit.rises(TrendSettings.SIGNIFICANCE) && growth() >= least;
	}

	boolean keepsPace() {
		return this.pace >= TrendSettings.KEEP_PACE;
	}

	/**
	 * A rise that keeps its pace.
	 * @return whether it rises steadily
	 */
	boolean steady() {
		return rises() && keepsPace();
	}

	/**
	 * Fits of the earlier and the later half of the points, split at the time midpoint, or
	 * {@code null} if either half has fewer than two points.
	 */
	static TrendFit[] halves(List<Point> points) {
		long middle = (points.get(0).atMillis() + points.get(points.size() - 1).atMillis()) / 2;
		List<Point> earlier = new ArrayList<>();
		List<Point> later = new ArrayList<>();
		for (Point point : points) {
			((point.atMillis() <= middle) ? earlier : later).add(point);
		}
		if (earlier.size() < 2 || later.size() < 2) {
			return null;
		}
		return new TrendFit[] { TrendFit.of(earlier), TrendFit.of(later) };
	}

	/**
	 * Growth in the later half relative to the earlier half: about 1 for a steady pace,
	 * near 0 for growth levelling off.
	 */
	static double pace(double before, double after) {
		if (after <= 0) {
			return 0;
		}
		if (before <= 0) {
			return ACCELERATING;
		}
		return Math.min(ACCELERATING, after / before);
	}

	/**
	 * The lower envelope of the points in at most {@code max} equal stretches of time:
	 * every value here bounds the retained amount from above, so the lowest of each
	 * stretch is the best estimate of it.
	 */
	static List<Point> thin(List<Point> points, int max) {
		if (points.size() <= max) {
			return points;
		}
		long from = points.get(0).atMillis();
		double width = (double) (points.get(points.size() - 1).atMillis() - from + 1) / max;
		List<Point> thinned = new ArrayList<>(max);
		int bucket = -1;
		for (Point point : points) {
			int index = Math.min(max - 1, (int) ((point.atMillis() - from) / width));
			if (index != bucket) {
				thinned.add(point);
				bucket = index;
			}
			else if (point.value() < thinned.get(thinned.size() - 1).value()) {
				thinned.set(thinned.size() - 1, point);
			}
		}
		return thinned;
	}

}
