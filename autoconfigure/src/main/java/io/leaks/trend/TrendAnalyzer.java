package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Judges whether memory leaks, as a pure function of what was recorded: no clock, no JVM,
 * no Spring, so recorded traces replay through exactly this code.
 * <p>
 * A leak is called on either of two kinds of evidence. A <em>trend</em>: the floor that
 * old-generation collections reveal rises significantly (Mann–Kendall), keeps its pace
 * (warm-up levels off, a leak does not), and at that pace uses up the headroom within the
 * span already observed. Or <em>pressure</em>: whole-heap collections in a row leave the
 * heap near its limit, which needs no long trend. Occupancy after young collections only
 * bounds the floor from above, so a climb seen there is a suspicion for the live
 * histograms to {@link #confirm confirm}.
 */
public final class TrendAnalyzer {

	/** Pace reported when the earlier half did not grow but the later half does. */
	static final double ACCELERATING = 10.0;

	private final TrendSettings settings;

	public TrendAnalyzer(TrendSettings settings) {
		this.settings = settings;
	}

	public TrendSettings settings() {
		return this.settings;
	}

	/**
	 * Judges the heap.
	 * @param series what the collections recorded
	 * @param maxHeap the max heap in bytes, or a non-positive value if unknown (the last
	 * committed size stands in)
	 * @param nowMillis the moment of judgement, milliseconds since the JVM started
	 * @return the verdict
	 */
	public Verdict judgeHeap(GcHistory.HeapSeries series, long maxHeap, long nowMillis) {
		long limit = limit(series, maxHeap);
		long warmupEnd = this.settings.warmup().toMillis();
		Window floor = findLeak(since(series.floor(), warmupEnd), limit);
		Verdict pressure = pressure(series, limit, floor, nowMillis);
		if (pressure != null) {
			return pressure;
		}
		List<String> floorKinds = kinds(series.counts(), true);
		if (floor != null && floor.leak()) {
			return verdict("heap", TrendStatus.LEAK_SUSPECTED, floor, Basis.FLOOR_TREND, floorKinds, false,
					"The floor after old-generation collections rises " + floor.describe(true) + nowAt(floor, true),
					nowMillis);
		}
		long youngFrom = Math.max(warmupEnd, (series.lastFloorMillis() == Long.MIN_VALUE) ? Long.MIN_VALUE
				: series.lastFloorMillis() + 1);
		Window young = findLeak(since(series.young(), youngFrom), limit);
		List<String> youngKinds = kinds(series.counts(), false);
		if (young != null && young.leak()) {
			TrendStatus status = (floor != null) ? floor.status() : TrendStatus.COLLECTING;
			return verdict("heap", status, young, Basis.YOUNG_TREND, youngKinds, true,
					"Occupancy after young collections rises " + young.describe(true)
							+ "; young collections leave promoted garbage behind, so live histograms must confirm it",
					nowMillis);
		}
		if (floor != null) {
			return verdict("heap", floor.status(), floor, Basis.FLOOR_TREND, floorKinds, false,
					floor.opening() + "the floor after old-generation collections " + floor.shortfall(true), nowMillis);
		}
		if (young != null) {
			return verdict("heap", young.status(), young, Basis.YOUNG_TREND, youngKinds, false,
					young.opening() + "occupancy after young collections " + young.shortfall(true), nowMillis);
		}
		return collecting("heap", series.floor().size() + series.young().size(), nowMillis);
	}

	/**
	 * Judges a periodically sampled amount, such as metaspace bytes or live threads.
	 * @param resource the resource's name
	 * @param samples the samples, oldest first
	 * @param limit the most the resource may reach, or a non-positive value if it has no
	 * limit (then the projection is the time to double)
	 * @param bytes whether the samples are bytes (for the wording)
	 * @param nowMillis the moment of judgement, milliseconds since the JVM started
	 * @return the verdict
	 */
	public Verdict judgeSamples(String resource, List<Point> samples, long limit, boolean bytes, long nowMillis) {
		Window window = findLeak(since(samples, this.settings.warmup().toMillis()), limit);
		if (window == null) {
			return collecting(resource, samples.size(), nowMillis);
		}
		List<String> kinds = List.of("SAMPLE");
		if (window.leak()) {
			return verdict(resource, TrendStatus.LEAK_SUSPECTED, window, Basis.SAMPLES, kinds, false,
					capitalized(resource) + " rise " + window.describe(bytes) + nowAt(window, bytes), nowMillis);
		}
		return verdict(resource, window.status(), window, Basis.SAMPLES, kinds, false,
				window.opening() + resource + " " + window.shortfall(bytes), nowMillis);
	}

	/**
	 * Confirms or refutes a suspicion raised by young collections with the floor measured
	 * by live histograms (each forces a full collection, so each measures the true floor).
	 * The same rule as for any trend applies: the live floor must rise, and at its pace
	 * use up the headroom within the span of the evidence that raised the suspicion.
	 * @param suspicion the verdict that raised the suspicion
	 * @param liveFloors the live bytes measured, oldest first
	 * @param maxHeap the max heap, or a non-positive value if unknown
	 * @param nowMillis the moment of judgement
	 * @return a leak verdict if every measurement rose and the headroom runs out in time;
	 * a stable one if not; the suspicion itself while fewer than three exist
	 */
	public Verdict confirm(Verdict suspicion, List<Point> liveFloors, long maxHeap, long nowMillis) {
		if (liveFloors.size() < 3) {
			return suspicion;
		}
		boolean rising = true;
		for (int i = 1; i < liveFloors.size(); i++) {
			rising &= liveFloors.get(i).value() > liveFloors.get(i - 1).value();
		}
		TrendFit fit = TrendFit.of(liveFloors);
		long limit = (maxHeap > 0) ? maxHeap : (suspicion.projection() != null) ? suspicion.projection().limit() : 0;
		long last = liveFloors.get(liveFloors.size() - 1).value();
		double untilLimit = (fit.slope() > 0 && limit > 0) ? Math.max(0, limit - last) / fit.slope()
				: Double.POSITIVE_INFINITY;
		boolean inTime = untilLimit <= TrendSettings.HORIZON_SPANS * suspicion.evidence().spanMillis();
		Evidence evidence = Evidence.of(Basis.CONFIRMED, fit, liveFloors.size(), List.of("LIVE_HISTOGRAM"),
				suspicion.evidence().pace());
		String measured = describeLevels(liveFloors);
		if (rising && inTime) {
			return new Verdict(suspicion.resource(), TrendStatus.LEAK_SUSPECTED, fit.perMinute(),
					projection(fit, limit), evidence, false,
					"Live histograms confirm the climb seen after young collections: the live heap grew " + measured
							+ " (" + Units.rate(fit.perMinute(), true) + "); at that pace the heap fills in about "
							+ Units.duration((long) untilLimit),
					nowMillis);
		}
		String why = rising ? ", rising too slowly to fill the heap within the " + Units.duration(
				suspicion.evidence().spanMillis()) + " the climb was watched" : ", which did not keep rising";
		return new Verdict(suspicion.resource(), TrendStatus.STABLE, Math.max(0, fit.perMinute()), null, evidence,
				false, "No leak: live histograms measured the floor at " + measured + why
						+ ", so the climb after young collections was mostly garbage waiting for an old collection",
				nowMillis);
	}

	private @Nullable Verdict pressure(GcHistory.HeapSeries series, long limit, @Nullable Window floor,
			long nowMillis) {
		List<HeapAfterGc> recent = series.recent();
		int needed = TrendSettings.PRESSURE_COLLECTIONS;
		String finding = null;
		int wholeHeap = 0;
		boolean nearLimit = limit > 0;
		for (int i = recent.size() - 1; i >= 0 && wholeHeap < needed && nearLimit; i--) {
			HeapAfterGc collection = recent.get(i);
			nearLimit = collection.used() >= TrendSettings.PRESSURE_SHARE_OF_MAX * limit;
			if (collection.kind().wholeHeap()) {
				wholeHeap++;
			}
		}
		if (nearLimit && wholeHeap == needed) {
			finding = "The last " + needed + " whole-heap collections each left more than "
					+ percent(TrendSettings.PRESSURE_SHARE_OF_MAX) + " of the heap's " + Units.bytes(limit)
					+ " in use";
		}
		else if (recent.size() >= needed) {
			boolean backToBack = true;
			for (int i = recent.size() - needed; i < recent.size(); i++) {
				HeapAfterGc collection = recent.get(i);
				backToBack &= collection.kind() == CollectionKind.FULL
						&& collection.used() >= TrendSettings.PRESSURE_SHARE_OF_COMMITTED * collection.committed();
			}
			if (backToBack) {
				finding = "The last " + needed + " collections were back-to-back full collections that each left more "
						+ "than " + percent(TrendSettings.PRESSURE_SHARE_OF_COMMITTED)
						+ " of the committed heap in use, which the JVM can no longer grow";
			}
		}
		if (finding == null) {
			return null;
		}
		HeapAfterGc last = recent.get(recent.size() - 1);
		List<Point> lastFloors = lastPoints(series.floor(), TrendSettings.MAX_FIT_POINTS);
		TrendFit fit = (lastFloors.size() >= 2) ? TrendFit.of(lastFloors) : null;
		double growth = (floor != null) ? floor.current().perMinute() : (fit != null) ? fit.perMinute() : 0;
		Projection projection = (floor != null) ? projection(floor.current(), limit)
				: (fit != null) ? projection(fit, limit) : null;
		TrendFit shown = (floor != null) ? floor.fit() : fit;
		Evidence evidence = (shown != null)
				? Evidence.of(Basis.PRESSURE, shown, (floor != null) ? floor.points() : lastFloors.size(),
						kinds(series.counts(), true), (floor != null) ? floor.pace() : 0)
				: new Evidence(Basis.PRESSURE, recent.get(recent.size() - needed).atMillis(), last.atMillis(), needed,
						kinds(series.counts(), true), 0, 0, last.used(), last.used());
		return new Verdict("heap", TrendStatus.LEAK_SUSPECTED, Math.max(0, growth), projection, evidence, false,
				finding + ": old collections no longer free memory (" + Units.bytes(last.used()) + " in use)",
				nowMillis);
	}

	/**
	 * Finds the longest window ending now, halving back to the shortest evidence allowed
	 * (or to a 64th of the record), that shows a leak. Recent windows catch a leak that
	 * started late in a long record.
	 * @return the first window that shows a leak, otherwise the longest judged, or
	 * {@code null} if there is not enough evidence to judge any
	 */
	private @Nullable Window findLeak(List<Point> points, long limit) {
		if (points.size() < TrendSettings.MIN_POINTS) {
			return null;
		}
		long last = points.get(points.size() - 1).atMillis();
		long span = last - points.get(0).atMillis();
		long minEvidence = this.settings.minEvidence().toMillis();
		Window longest = null;
		int windows = 0;
		for (long width = span; width >= minEvidence && windows < TrendSettings.MAX_WINDOWS; width /= 2, windows++) {
			List<Point> window = since(points, last - width);
			if (window.size() < TrendSettings.MIN_POINTS) {
				break;
			}
			Window judged = judge(window, limit);
			if (longest == null) {
				longest = judged;
			}
			if (judged.leak()) {
				return judged;
			}
		}
		return longest;
	}

	private Window judge(List<Point> window, long limit) {
		List<Point> points = thin(window, TrendSettings.MAX_FIT_POINTS);
		TrendFit fit = TrendFit.of(points);
		boolean rises = fit.z() >= TrendSettings.MIN_TREND_Z && fit.slope() > 0;
		TrendFit[] halves = rises ? halves(points) : null;
		double pace = (halves != null) ? pace(halves[0].slope(), halves[1].slope()) : 0;
		// Project at the current pace, the later half's, when it is the slower: for growth
		// that levels off the window's line runs too steep and overshoots at its end. A
		// faster later half is not trusted on its fewer points (one outlier makes it).
		TrendFit current = (halves != null && halves[1].slope() > 0 && halves[1].slope() < fit.slope()) ? halves[1]
				: fit;
		double level = Math.min(current.valueAt(fit.toMillis()), fit.valueAt(fit.toMillis()));
		// Without a limit, the question is whether the resource at least doubled during
		// the evidence: the level at its start is the room that growth must cover.
		double room = Math.max(0, (limit > 0) ? limit - level : fit.valueAt(fit.fromMillis()));
		double untilLimit = (current.slope() > 0) ? room / current.slope() : Double.POSITIVE_INFINITY;
		return new Window(fit, current, pace, untilLimit, limit, points.size());
	}

	/**
	 * Fits of the earlier and the later half of the window, split at its time midpoint, or
	 * {@code null} if either half has fewer than three points.
	 */
	static TrendFit @Nullable [] halves(List<Point> points) {
		long middle = (points.get(0).atMillis() + points.get(points.size() - 1).atMillis()) / 2;
		List<Point> earlier = new ArrayList<>();
		List<Point> later = new ArrayList<>();
		for (Point point : points) {
			((point.atMillis() <= middle) ? earlier : later).add(point);
		}
		if (earlier.size() < 3 || later.size() < 3) {
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
	 * The lower envelope of the points in at most {@code max} equal stretches of time.
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

	private static List<Point> since(List<Point> points, long fromMillis) {
		int first = 0;
		while (first < points.size() && points.get(first).atMillis() < fromMillis) {
			first++;
		}
		return (first == 0) ? points : points.subList(first, points.size());
	}

	private static List<Point> lastPoints(List<Point> points, int count) {
		return points.subList(Math.max(0, points.size() - count), points.size());
	}

	private static long limit(GcHistory.HeapSeries series, long maxHeap) {
		if (maxHeap > 0) {
			return maxHeap;
		}
		List<HeapAfterGc> recent = series.recent();
		return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).committed();
	}

	static @Nullable Projection projection(TrendFit fit, long limit) {
		if (fit.slope() <= 0) {
			return null;
		}
		double level = fit.valueAt(fit.toMillis());
		double target = (limit > 0) ? limit : 2 * level;
		double room = Math.max(0, target - level);
		long to = fit.toMillis();
		long at = to + (long) (room / fit.slope());
		long earliest = to + (long) (room / Math.max(fit.slope(), fit.slopeHigh()));
		Long latest = (fit.slopeLow() > 0) ? to + (long) (room / Math.min(fit.slope(), fit.slopeLow())) : null;
		return new Projection((long) target, (long) level, at, earliest, latest);
	}

	private Verdict verdict(String resource, TrendStatus status, Window window, Basis basis, List<String> kinds,
			boolean suspicion, String reason, long nowMillis) {
		Evidence evidence = Evidence.of(basis, window.fit(), window.points(), kinds, window.pace());
		double growth = Math.max(0, window.current().perMinute());
		return new Verdict(resource, status, growth, projection(window.current(), window.limit()), evidence,
				suspicion, reason, nowMillis);
	}

	private Verdict collecting(String resource, int points, long nowMillis) {
		return Verdict.collecting(resource, "Collecting evidence: " + points + " observations so far; a verdict needs "
						+ TrendSettings.MIN_POINTS + " after the " + Units.duration(this.settings.warmup().toMillis())
						+ " warm-up spanning at least " + Units.duration(this.settings.minEvidence().toMillis()),
				nowMillis);
	}

	private static String nowAt(Window window, boolean bytes) {
		String target = window.bounded() ? "the limit of " + Units.amount(window.limit(), bytes)
				: "twice the level the evidence started from";
		return "; at that pace it reaches " + target + " in about " + Units.duration((long) window.untilLimit());
	}

	private static List<String> kinds(Map<CollectionKind, Long> counts, boolean floor) {
		List<String> kinds = new ArrayList<>();
		for (CollectionKind kind : CollectionKind.values()) {
			if (counts.containsKey(kind) && kind.revealsFloor() == floor) {
				kinds.add(kind.name());
			}
		}
		return kinds;
	}

	private static String describeLevels(List<Point> points) {
		List<String> levels = new ArrayList<>();
		for (Point point : points) {
			levels.add(Units.bytes(point.value()));
		}
		return String.join(" -> ", levels);
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

	/**
	 * One window of evidence, judged.
	 *
	 * @param fit the robust fit of its thinned points
	 * @param current the fit at the current pace (the later half's, when it rises)
	 * @param pace later-half growth relative to the earlier half
	 * @param untilLimit milliseconds until the fitted line reaches the limit
	 * @param limit the resource's limit, or a non-positive value if it has none
	 * @param points points fitted
	 */
	private record Window(TrendFit fit, TrendFit current, double pace, double untilLimit, long limit, int points) {

		boolean bounded() {
			return this.limit > 0;
		}

		boolean rises() {
			return this.fit.z() >= TrendSettings.MIN_TREND_Z && this.fit.slope() > 0;
		}

		boolean keepsPace() {
			return this.pace >= TrendSettings.KEEP_PACE;
		}

		boolean withinHorizon() {
			return this.untilLimit <= TrendSettings.HORIZON_SPANS * this.fit.spanMillis();
		}

		boolean leak() {
			return rises() && keepsPace() && withinHorizon();
		}

		/**
		 * The status when this window shows no leak: a steady rise that is only short of
		 * the horizon is still gathering evidence; anything else is stable.
		 */
		TrendStatus status() {
			return (rises() && keepsPace()) ? TrendStatus.COLLECTING : TrendStatus.STABLE;
		}

		String opening() {
			return (status() == TrendStatus.COLLECTING) ? "Not a leak yet: " : "No leak: ";
		}

		String describe(boolean bytes) {
			return Units.rate(this.current.perMinute(), bytes) + " over " + Units.duration(this.fit.spanMillis()) + " ("
					+ this.points + " points, trend z=" + String.format(Locale.ROOT, "%.1f", this.fit.z())
					+ ", pace kept " + String.format(Locale.ROOT, "%.2f", this.pace) + ")";
		}

		String shortfall(boolean bytes) {
			String span = " over " + Units.duration(this.fit.spanMillis());
			if (!rises()) {
				return "shows no significant rise" + span + " (trend z=" + String.format(Locale.ROOT, "%.1f", this.fit.z())
						+ ")";
			}
			if (!keepsPace()) {
				return "rose " + Units.rate(this.fit.perMinute(), bytes) + span
						+ " but is levelling off, as warm-up does (pace kept "
						+ String.format(Locale.ROOT, "%.2f", this.pace) + ")";
			}
			return "rises " + Units.rate(this.current.perMinute(), bytes) + span + ", too slowly to matter yet: the "
					+ (bounded() ? "headroom lasts" : "level would double in") + " about "
					+ Units.duration((long) Math.min(Long.MAX_VALUE / 2, this.untilLimit))
					+ " at that pace, longer than the evidence reaches back";
		}

	}

}
