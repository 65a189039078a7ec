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
		long minEvidence = settings.minEvidence().toMillis();
		if (points.size() < TrendSettings.MIN_POINTS) {
			return new SeriesJudgement(Finding.NEEDS_OBSERVATIONS, null, null, points.size(), span(points));
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
			Window judged = Window.of(window, limit, resource.bytes());
			longest = (longest != null) ? longest : judged;
			if (!judged.steady()) {
				continue;
			}
			Grounds grounds = grounds(judged, resource, settings);
			if (grounds != null) {
				return new SeriesJudgement(grounds == Grounds.URGENT || grounds == Grounds.HALF_FREE
						? Finding.FILLS_SOON : Finding.GROWING, judged, grounds, points.size(), span(points));
			}
			steady = (steady != null) ? steady : judged;
		}
		if (steady != null) {
			return new SeriesJudgement(Finding.FILLING, steady, null, points.size(), span(points));
		}
		if (longest == null) {
			return new SeriesJudgement(Finding.NEEDS_OBSERVATIONS, null, null, points.size(), span(points));
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
		double untilLimit = window.untilLimit();
		// A projection no further ahead than the evidence reaches back needs no more of it.
		if (persisted >= settings.minEvidence().toMillis() && untilLimit <= window.spanMillis()) {
			return Grounds.HALF_FREE;
		}
		if (persisted < settings.persistSpan().toMillis()) {
			return null;
		}
		if (untilLimit <= TrendSettings.URGENT.toMillis()) {
			return Grounds.URGENT;
		}
		if (!resource.judgedThroughTime()
				&& window.growth() >= TrendSettings.PERSIST_GROWTH * Math.max(window.start(), 0)
				&& untilLimit >= TrendSettings.SLOW.toMillis()) {
			return Grounds.PERSISTED;
		}
		if (persisted >= settings.longSpan().toMillis()) {
			return Grounds.LONG;
		}
		return null;
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
