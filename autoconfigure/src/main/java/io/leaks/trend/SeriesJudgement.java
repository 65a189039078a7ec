package io.leaks.trend;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one series shows, judged over windows that all end at its latest point: from the
 * longest (bounded by {@link TrendSettings#LONGEST_WINDOW}) down to min-evidence, each half
 * the last, so a leak that starts late in a long record is seen as soon as one at start.
 *
 * @param finding what the series shows
 * @param window the window the finding rests on, or {@code null} without enough evidence
 * @param grounds why a steady rise is a leak, or {@code null} if it is not (yet) one
 * @param observations points available after the warm-up
 * @param spanMillis time they span
 */
record SeriesJudgement(Finding finding, @Nullable Window window, @Nullable Grounds grounds, int observations,
		long spanMillis) {

	boolean leak() {
		return this.grounds != null;
	}

	/**
	 * Judges a series.
	 * @param points the points after the warm-up, oldest first
	 * @param limit the resource's limit, or a non-positive value if unlimited
	 * @param resource the resource
	 * @param settings the evidence wanted
	 * @return the judgement
	 */
	static SeriesJudgement of(List<Point> points, long limit, Resource resource, TrendSettings settings) {
		return of(points, points, limit, resource, settings, false, false);
	}

	/**
	 * Judges a series, whose leak must take it above what another series (one that bounds
	 * it from above) reached before: the heap's floor against the old generation's.
	 * @param points the points after the warm-up, oldest first
	 * @param reached what the resource reached before, oldest first
	 * @param limit the resource's limit, or a non-positive value if unlimited
	 * @param resource the resource
	 * @param settings the evidence wanted
	 * @return the judgement
	 */
	static SeriesJudgement of(List<Point> points, List<Point> reached, long limit, Resource resource,
			TrendSettings settings) {
		return of(points, reached, limit, resource, settings, false, false);
	}

	/**
	 * Judges a series of upper bounds (young or mixed collections), whose leak is only a
	 * climb for live histograms to measure: its pace is an upper bound of the floor's, so
	 * the slow-rise gate of {@link Grounds#PERSISTED} does not apply, but the climb must be
	 * worth a forced collection.
	 * @param points the points after the warm-up, oldest first
	 * @param limit the heap's limit
	 * @param settings the evidence wanted
	 * @return the judgement, whose leak means a suspicion
	 */
	static SeriesJudgement ofUpperBounds(List<Point> points, long limit, TrendSettings settings) {
		return of(points, points, limit, Resource.HEAP, settings, true, false);
	}

	/**
	 * Judges the upper bounds of every collection (young, mixed and old together) as
	 * {@link #ofUpperBounds} does, and, where they come too rarely for a trend within the
	 * persist span, on a {@link #sparseClimb sparse climb} too: mixed collections alone are
	 * always that rare, but come with young ones, which this series holds as well.
	 * @param points the points after the warm-up, oldest first
	 * @param limit the heap's limit
	 * @param settings the evidence wanted
	 * @return the judgement, whose leak means a suspicion
	 */
	static SeriesJudgement ofAllUpperBounds(List<Point> points, long limit, TrendSettings settings) {
		return of(points, points, limit, Resource.HEAP, settings, true, true);
	}

	private static SeriesJudgement of(List<Point> points, List<Point> reached, long limit, Resource resource,
			TrendSettings settings, boolean upperBounds, boolean sparse) {
		long minEvidence = settings.minEvidence().toMillis();
		if (points.size() < TrendSettings.MIN_POINTS) {
			Window climb = sparse ? sparseSuffix(points, limit, settings) : null;
			return (climb != null) ? sparse(climb, points)
					: new SeriesJudgement(Finding.NEEDS_OBSERVATIONS, null, null, points.size(), span(points));
		}
		long last = points.get(points.size() - 1).atMillis();
		long total = Math.min(last - points.get(0).atMillis(), TrendSettings.LONGEST_WINDOW.toMillis());
		if (total < minEvidence) {
			return new SeriesJudgement(Finding.NEEDS_SPAN, null, null, points.size(), span(points));
		}
		Window longest = null;
		Window steady = null;
		for (long width = total; width >= minEvidence; width = next(width, total, minEvidence)) {
			List<Point> window = since(points, last - width);
			if (window.size() < TrendSettings.MIN_POINTS || span(window) < minEvidence) {
				continue;
			}
			Window judged = Window.of(window, limit, resource.bytes(),
					upperBounds ? TrendSettings.MAX_UPPER_BOUND_POINTS : TrendSettings.MAX_FIT_POINTS);
			longest = (longest != null) ? longest : judged;
			// Upper bounds drop whenever a whole-heap collection clears their garbage, which
			// breaks their pace but not the climb beneath: any significant rise is worth
			// measuring; the floor's own pace is judged once it is measured.
			if (upperBounds ? !judged.rises() : !judged.steady()) {
				continue;
			}
			Grounds grounds = upperBounds ? climbGrounds(judged, settings) : grounds(judged, resource, settings);
			if (grounds != null && !upperBounds && !newHigh(reached, judged)) {
				// It only climbs back to where it has been: a cycle, not retained growth.
				grounds = null;
			}
			if (grounds != null) {
				return new SeriesJudgement(grounds == Grounds.URGENT || grounds == Grounds.HALF_FREE
						? Finding.FILLS_SOON : Finding.GROWING, judged, grounds, points.size(), span(points));
			}
			steady = (steady != null) ? steady : judged;
		}
		Window sparseClimb = sparse ? sparseSuffix(points, limit, settings) : null;
		if (sparseClimb != null) {
			// Young collections that slowed down (the load dropped) while a climb goes on.
			return sparse(sparseClimb, points);
		}
		if (longest == null) {
			return new SeriesJudgement(Finding.NEEDS_OBSERVATIONS, null, null, points.size(), span(points));
		}
		// The whole record's shape decides, unless it shows nothing and a recent stretch
		// rises steadily (a late start): a warm-up's tail still creeps up, but levels off.
		if (longest.rises() && !longest.keepsPace()) {
			return new SeriesJudgement(Finding.LEVELLING_OFF, longest, null, points.size(), span(points));
		}
		if (steady != null) {
			return new SeriesJudgement(Finding.FILLING, steady, null, points.size(), span(points));
		}
		return new SeriesJudgement(longest.rises() ? Finding.LEVELLING_OFF : Finding.FLAT, longest, null,
				points.size(), span(points));
	}

	/**
	 * Why a steady rise is a leak, or {@code null} if it is not one yet.
	 * @param window a steady window
	 * @param resource its resource
	 * @param settings the evidence wanted
	 * @return the grounds, or {@code null}
	 */
	static @Nullable Grounds grounds(Window window, Resource resource, TrendSettings settings) {
		// A rise concentrated in the window's later half began about half-way through it.
		long persisted = (window.pace() > TrendSettings.ONSET_PACE) ? window.spanMillis() / 2 : window.spanMillis();
		if (persisted < window.spanMillis() && !laterHalfSteady(window)) {
			// What rose in the later half was a step (a batch landing), not a rise that began.
			return null;
		}
		double untilLimit = window.untilLimit();
		// A projection no further ahead than the evidence reaches back needs no more of it,
		// one twice as far only when the heap fills soon.
		if (persisted >= settings.minEvidence().toMillis() && (untilLimit <= window.spanMillis()
				|| (untilLimit <= TrendSettings.URGENT.toMillis() && untilLimit <= 2 * window.spanMillis()))) {
			return (untilLimit <= window.spanMillis()) ? Grounds.HALF_FREE : Grounds.URGENT;
		}
		if (persisted < settings.persistSpan().toMillis()) {
			return null;
		}
		if (untilLimit <= TrendSettings.URGENT.toMillis()) {
			return Grounds.URGENT;
		}
		if (!resource.judgedThroughTime() && window.grownShare() >= TrendSettings.PERSIST_GROWTH
				&& untilLimit >= TrendSettings.SLOW.toMillis()) {
			return Grounds.PERSISTED;
		}
		if (persisted >= settings.longSpan().toMillis()) {
			return Grounds.LONG;
		}
		return null;
	}

	/** Whether the later half of an onset window rises steadily on its own. */
	private static boolean laterHalfSteady(Window window) {
		return window.laterHalf() != null && window.laterHalf().steady();
	}

	/**
	 * Why a steady climb of upper bounds deserves live histograms, or {@code null}: the
	 * grounds of a leak, or a persisting climb of {@link TrendSettings#CLIMB_GROWTH} of its
	 * starting level at any pace (the floor beneath may rise far more slowly, and a round
	 * measured early lets the leak be called as soon as the floor's own rise is enough),
	 * for a climb of at least {@link TrendSettings#CLIMB_SHARE_OF_LIMIT} of the heap.
	 */
	static @Nullable Grounds climbGrounds(Window window, TrendSettings settings) {
		if (window.bounded() && window.growth() < TrendSettings.CLIMB_SHARE_OF_LIMIT * window.limit()) {
			return null;
		}
		Grounds grounds = grounds(window, Resource.HEAP, settings);
		if (grounds != null) {
			return grounds;
		}
		return (window.spanMillis() >= settings.persistSpan().toMillis()
				&& window.grownShare() >= TrendSettings.CLIMB_GROWTH) ? Grounds.PERSISTED : null;
	}

	/**
	 * A climb of upper bounds too sparse to be judged as a trend, yet worth live
	 * histograms: young collections that come so rarely that {@link TrendSettings#MIN_POINTS}
	 * of them cannot span the persist span (a quiet service on a large young generation),
	 * rising at every one of at least {@link TrendSettings#FEWEST_SPARSE_POINTS} over
	 * min-evidence, at a pace that exhausts the heap within {@link TrendSettings#URGENT}.
	 * It must keep its pace as a leak does (its last step at least {@link TrendSettings#KEEP_PACE}
	 * of its first's, and not an onset: the climb's start is where the round's line starts).
	 * It is only a suspicion: a round spread over the rest of the persist span measures
	 * whether the live floor keeps rising ({@code LeakWatch}); nothing is called on it.
	 * @param points the points, oldest first
	 * @param limit the heap's limit
	 * @param settings the evidence wanted
	 * @return the climb's window, or {@code null} if it is no such climb
	 */
	static @Nullable Window sparseClimb(List<Point> points, long limit, TrendSettings settings) {
		int count = points.size();
		if (limit <= 0 || count < TrendSettings.FEWEST_SPARSE_POINTS || count >= TrendSettings.MIN_POINTS) {
			return null;
		}
		long span = span(points);
		if (span < settings.minEvidence().toMillis()
				|| span * (TrendSettings.MIN_POINTS - 1) <= settings.persistSpan().toMillis() * (count - 1)) {
			// Collections come often enough for a trend of them within the persist span.
			return null;
		}
		for (int i = 1; i < count; i++) {
			if (points.get(i).value() - points.get(i - 1).value() < Window.MIN_BYTES) {
				return null;
			}
		}
		if (rate(points, count - 2) < TrendSettings.KEEP_PACE * rate(points, 0)) {
			// Slowing down, as a cache filling up does.
			return null;
		}
		Window window = Window.of(points, limit, true, count);
		boolean worthIt = window.growth() >= TrendSettings.CLIMB_SHARE_OF_LIMIT * limit;
		boolean keepsPace = window.keepsPace() && window.pace() <= TrendSettings.ONSET_PACE;
		return (worthIt && keepsPace && window.untilLimit() <= TrendSettings.URGENT.toMillis()) ? window : null;
	}

	/**
	 * The longest sparse climb the series ends with: its last four points, or its last three.
	 * @param points the points, oldest first
	 * @param limit the heap's limit
	 * @param settings the evidence wanted
	 * @return the climb's window, or {@code null} if it ends with none
	 */
	private static @Nullable Window sparseSuffix(List<Point> points, long limit, TrendSettings settings) {
		for (int count = TrendSettings.MIN_POINTS - 1; count >= TrendSettings.FEWEST_SPARSE_POINTS; count--) {
			if (points.size() >= count) {
				Window climb = sparseClimb(points.subList(points.size() - count, points.size()), limit, settings);
				if (climb != null) {
					return climb;
				}
			}
		}
		return null;
	}

	/** A sparse climb's suspicion: urgent, as it must be to count at all. */
	private static SeriesJudgement sparse(Window climb, List<Point> points) {
		return new SeriesJudgement(Finding.FILLS_SOON, climb, Grounds.URGENT, points.size(), span(points));
	}

	/** Growth per millisecond from one point to the next. */
	private static double rate(List<Point> points, int from) {
		Point start = points.get(from);
		Point end = points.get(from + 1);
		return (double) (end.value() - start.value()) / Math.max(1, end.atMillis() - start.atMillis());
	}

	/**
	 * Whether the window's level is above anything the series reached before it began,
	 * by more than the window's scatter: a leak keeps retaining more, while a cycle (load
	 * rising and falling, a batch, a sawtooth) only climbs back to where it was.
	 */
	static boolean newHigh(List<Point> points, Window window) {
		long from = window.fit().fromMillis();
		double before = Double.NEGATIVE_INFINITY;
		for (Point point : points) {
			if (point.atMillis() >= from) {
				break;
			}
			before = Math.max(before, point.value());
		}
		return window.level() > before + 2 * window.fit().noise();
	}

	/** The next shorter window: the longest is the whole record, then min-evidence doubled down from it. */
	private static long next(long width, long total, long minEvidence) {
		long candidate = minEvidence;
		while (candidate * 2 < width) {
			candidate *= 2;
		}
		return (candidate < width) ? candidate : width / 2;
	}

	static List<Point> since(List<Point> points, long fromMillis) {
		int first = 0;
		while (first < points.size() && points.get(first).atMillis() < fromMillis) {
			first++;
		}
		return (first == 0) ? points : points.subList(first, points.size());
	}

	private static long span(List<Point> points) {
		return points.isEmpty() ? 0 : points.get(points.size() - 1).atMillis() - points.get(0).atMillis();
	}

}
