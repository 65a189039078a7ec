package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Judges whether memory leaks, as a pure function of what was recorded: no clock, no JVM,
 * no Spring, so recorded traces replay through exactly this code.
 * <p>
 * A leak is retained memory that keeps growing without levelling off: a significant,
 * steady rise of the floor that old-generation collections (full, concurrent, G1's mixed,
 * and those forced by live histograms) reveal, which persists over a span that can be
 * defended ({@link Grounds}), however far exhaustion is; urgency is reported apart, as a
 * projection and a {@link Severity}. Pressure (whole-heap collections that no longer free
 * memory near the limit) is a leak at once. Occupancy after young collections only bounds
 * the floor from above: a climb there is a suspicion that live histograms
 * {@link #confirm confirm} or refute.
 */
public final class TrendAnalyzer {

	/** Live-floor noise assumed at least: what a quiet service's live data drifts by. */
	static final long MIN_LIVE_NOISE = 1024 * 1024;

	/** Share of the live floor assumed as its noise, when larger. */
	static final double LIVE_NOISE_SHARE = 0.0025;

	/** A live floor must rise by this many noise units over a round to confirm on its own. */
	static final double CONFIRM_NOISE_MULTIPLE = 3;

	/**
	 * Share of the climb's pace after young collections the live floor must rise at for
	 * the whole climb to count as retained.
	 */
	static final double CONSISTENT_PACE_SHARE = 0.25;

	/** How much steeper a climb must be than a refuted one to be a new one. */
	static final double STEEPER = 1.5;

	/** Occupancy, as a share of the max heap, at which collectors collect the old generation on their own. */
	static final double OLD_COLLECTION_SHARE = 0.7;

	/** Share of the live floor's pace the upper bounds may lose before a confirmed climb stops standing. */
	static final double UPPER_BOUND_PACE_SHARE = 0.5;

	/** Live floors a climb measured over several rounds keeps, the latest. */
	static final int MAX_CHAINED_FLOORS = 9;

	/** Instances a class must gain per step for its growth alone to confirm a smaller rise. */
	static final long CONFIRMING_INSTANCES_PER_STEP = 64;

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
	 * @param limits what bounds the heap
	 * @param confirmation what the last round of live histograms found, while it still
	 * applies (the watch decides), or {@code null}
	 * @param canConfirm whether live histograms can be taken to confirm a climb
	 * @param nowMillis the moment of judgement, milliseconds since the JVM started
	 * @return the verdict
	 */
	public Verdict judgeHeap(GcHistory.HeapSeries series, HeapLimits limits, @Nullable Confirmation confirmation,
			boolean canConfirm, long nowMillis) {
		long limit = limit(series, limits.max());
		long warmupEnd = this.settings.warmup().toMillis();
		Verdict.Facts facts = Verdict.Facts.of(this.settings);
		Verdict pressure = pressure(series, limit, limits, facts, nowMillis);
		if (pressure != null) {
			return pressure;
		}
		// A round of live histograms (or a user's burst of snapshots) is one measurement of
		// the floor, not several: a trend rests on independent ones.
		long burst = 2 * this.settings.minEvidence().toMillis();
		SeriesJudgement floor = SeriesJudgement.of(since(series.independentFloor(burst), warmupEnd),
				since(series.oldGeneration(), warmupEnd), limit, Resource.HEAP, this.settings);
		List<String> floorKinds = kinds(series.counts(), true);
		if (floor.leak()) {
			return verdict(floor, Resource.HEAP, Basis.FLOOR_TREND, floorKinds, facts, nowMillis);
		}
		// Mixed collections skip old regions that are mostly live, so garbage there can make
		// their floor drift up for hours: with young ones they only raise a suspicion.
		List<Point> oldPoints = since(series.oldGeneration(), warmupEnd);
		List<Point> wholeHeap = since(series.floor(), warmupEnd);
		SeriesJudgement old = SeriesJudgement.of(oldPoints, limit, Resource.HEAP, this.settings);
		// Without mixed collections the old-generation points are the floor's, already judged.
		SeriesJudgement oldClimb = since(series.mixed(), warmupEnd).isEmpty() ? old
				: SeriesJudgement.ofUpperBounds(oldPoints, limit, this.settings);
		List<Point> all = since(upperBounds(series.oldGeneration(), series.young()), warmupEnd);
		// A sparse climb stands in for the trend that young collections, too rare, cannot show
		// in time. Where every collection measures the floor (single-generation ZGC,
		// Shenandoah) there are none, only the pauses of its cycles (OTHER, kept with young
		// points): its cycles are floor points, which the floor's trend judges, and three of
		// them rising while an import loads raise no sparse suspicion.
		boolean youngCollections = series.counts().getOrDefault(CollectionKind.YOUNG, 0L) > 0;
		SeriesJudgement upper = youngCollections ? SeriesJudgement.ofAllUpperBounds(all, limit, this.settings)
				: SeriesJudgement.ofUpperBounds(all, limit, this.settings);
		List<String> allKinds = kinds(series.counts(), false);
		boolean mixed = oldClimb != old;
		SeriesJudgement suspected = (mixed && oldClimb.leak()) ? oldClimb : (mixed && old.leak()) ? old
				: upper.leak() ? upper : null;
		if (confirmation != null && confirmation.confirmed()
				&& stillApplies(confirmation, suspected, oldPoints, all, nowMillis)) {
			// The climb suspected now may reach back further than the round's suspicion did
			// (collections came since that make a longer window a trend): it has been watched
			// that long, as a call made on the round's first floors already counted it.
			long climbFrom = (suspected != null)
					? Math.min(confirmation.climbFromMillis(), suspected.window().fit().fromMillis())
					: confirmation.climbFromMillis();
			return confirmed(confirmation, climbFrom, oldPoints, wholeHeap, limit, series.collectorMeasuresFloor(),
					facts, nowMillis);
		}
		if (suspected != null) {
			Window climb = suspected.window();
			if (suspected == upper && contradicts(oldPoints, climb, limit)) {
				return verdict(old, Resource.HEAP, Basis.FLOOR_TREND, kinds(series.counts(), true), facts,
						nowMillis);
			}
			if (confirmation != null && confirmation.atMillis() >= climb.fit().fromMillis()
					&& (confirmation.confirmed() ? standing(confirmation, oldPoints, all, nowMillis)
							: (suspected == upper && !steeper(climb, confirmation)))) {
				return confirmed(confirmation, climb.fit().fromMillis(), oldPoints, wholeHeap, limit,
						series.collectorMeasuresFloor(), facts, nowMillis);
			}
			// Whole-heap collections during the climb (a user's live snapshots, System.gc(),
			// the collector's own) measured the floor as a round would: rising, they confirm it.
			List<Point> floors = since(since(series.floor(), warmupEnd),
					Math.max(climb.fit().fromMillis(), nowMillis - this.settings.persistSpan().toMillis()));
			if (floors.size() >= 2 && floors.size() < TrendSettings.MIN_POINTS) {
				Verdict climbing = new Verdict(Resource.HEAP, Finding.CONFIRMING, Math.max(0, climb.perMinute()), null,
						null, null, Evidence.of(Basis.YOUNG_TREND, climb, allKinds), facts, true, nowMillis);
				Confirmation measured = confirm(climbing, floors, 0, 0, 0, floors.get(floors.size() - 1).atMillis());
				if (measured.confirmed() && standing(measured, oldPoints, all, nowMillis)) {
					// A leak already; otherwise still a climb for live histograms, which also
					// name what grows.
					Verdict verdict = confirmed(measured, climb.fit().fromMillis(), oldPoints, wholeHeap, limit,
							series.collectorMeasuresFloor(), facts, nowMillis);
					if (verdict.leak()) {
						return verdict;
					}
				}
			}
			if (suspected == upper && collectorWillMeasure(climb, limit)) {
				// Its grounds stand, but the collector's own old collection comes first.
				return new Verdict(Resource.HEAP, Finding.FILLING, Math.max(0, climb.perMinute()), Projection.of(climb),
						null, suspected.grounds(), Evidence.of(Basis.YOUNG_TREND, climb, allKinds),
						facts.observed(suspected.observations(), suspected.spanMillis()).limited(climb.untilLimit(), limit),
						false, nowMillis);
			}
			Finding pending = canConfirm ? Finding.CONFIRMING : Finding.NEEDS_OLD_COLLECTION;
			// A climb of the old generation's own (mixed) floor is other evidence than one of
			// young collections: no refutation of the latter covers it.
			Basis basis = (suspected == upper) ? Basis.YOUNG_TREND : Basis.FLOOR_TREND;
			return new Verdict(Resource.HEAP, pending, Math.max(0, climb.perMinute()), Projection.of(climb), null,
					null, Evidence.of(basis, climb, (suspected == upper) ? allKinds : kinds(series.counts(), false)),
					facts.observed(suspected.observations(), suspected.spanMillis()).limited(climb.untilLimit(), limit),
					true, nowMillis);
		}
		// The old generation's own points count a burst of forced floors one by one, where the
		// floor counts it once: their leak, when there is one, comes first.
		List<Point> youngPoints = since(series.young(), warmupEnd);
		Window above = (canConfirm && !old.leak())
				? floorAboveClimb(since(series.floor(), warmupEnd), youngPoints, confirmation, limit, nowMillis) : null;
		if (above != null) {
			// A refutation must cover the climb after young collections it started from, at
			// that climb's own pace, not at the slower floor's.
			List<Point> climbed = since(youngPoints, above.fit().fromMillis()).stream()
				.filter((point) -> point.atMillis() <= above.fit().toMillis())
				.toList();
			double young = (climbed.size() >= 2) ? Math.max(above.perMinute(), TrendFit.of(climbed).perMinute())
					: above.perMinute();
			return new Verdict(Resource.HEAP, Finding.CONFIRMING, Math.max(0, above.perMinute()), Projection.of(above),
					null, null, Evidence.of(Basis.FLOOR_ABOVE_CLIMB, above, allKinds),
					facts.observed(above.points(), above.spanMillis())
						.limited(above.untilLimit(), limit)
						.measured(List.of(), young),
					true, nowMillis);
		}
		if (floor.window() != null) {
			return verdict(floor, Resource.HEAP, Basis.FLOOR_TREND, floorKinds, facts, nowMillis);
		}
		if (old.window() != null) {
			return verdict(old, Resource.HEAP, Basis.FLOOR_TREND, kinds(series.counts(), true), facts, nowMillis);
		}
		if (upper.window() != null) {
			return verdict(upper, Resource.HEAP, Basis.YOUNG_TREND, allKinds, facts, nowMillis);
		}
		return without(upper, nowMillis < warmupEnd, Resource.HEAP, facts, nowMillis);
	}

	/**
	 * Whether a confirmed climb still stands: the forced collections of its own round break
	 * the steady look of the upper bounds for a while, so it stands, unless old-generation
	 * collections since fall below its line, for as long after the round as the climb was
	 * watched before it, and after that for as long as the upper bounds go on climbing.
	 */
	private boolean stillApplies(Confirmation confirmation, @Nullable SeriesJudgement suspected,
			List<Point> oldPoints, List<Point> upperBounds, long nowMillis) {
		if (contradictedSince(confirmation, oldPoints)) {
			return false;
		}
		long watched = Math.max(confirmation.atMillis() - confirmation.climbFromMillis(),
				this.settings.persistSpan().toMillis());
		if (nowMillis - confirmation.atMillis() <= watched) {
			return true;
		}
		// After that the upper bounds must go on climbing the same climb, lately at least as
		// fast as the live floor did: they run above it, so a slower climb means the floor slowed.
		return suspected != null && suspected.window().fit().fromMillis() <= confirmation.atMillis()
				&& recentlyClimbing(confirmation, upperBounds, nowMillis);
	}

	/**
	 * Whether a measured climb still stands now: no old-generation collection since fell
	 * below its line, and the upper bounds lately climbed as a climbing floor makes them.
	 */
	private boolean standing(Confirmation confirmation, List<Point> oldPoints, List<Point> upperBounds,
			long nowMillis) {
		return !contradictedSince(confirmation, oldPoints) && recentlyClimbing(confirmation, upperBounds, nowMillis);
	}

	/** Whether an old-generation collection after the measurement fell clearly below its line. */
	private static boolean contradictedSince(Confirmation confirmation, List<Point> oldPoints) {
		double tolerance = CONFIRM_NOISE_MULTIPLE * liveNoise(confirmation.liveLevel());
		for (Point point : oldPoints) {
			if (point.atMillis() > confirmation.atMillis()) {
				double line = lineAt(confirmation, point.atMillis());
				if (point.value() < line - tolerance - 0.25 * (line - confirmation.liveLevel())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the upper bounds climbed over the last persist span at least about as fast as
	 * the live floor did when it was measured: they run above it, so if they slowed, so
	 * did the floor (a cache that filled up), and the measured pace no longer applies.
	 */
	private boolean recentlyClimbing(Confirmation confirmation, List<Point> upperBounds, long nowMillis) {
		List<Point> recent = since(upperBounds, nowMillis - this.settings.persistSpan().toMillis());
		if (recent.size() < 3) {
			return false;
		}
		// They climbed at the live floor's pace plus the garbage's; if they lost half the
		// floor's share of it, the floor slowed.
		double climb = TrendFit.of(recent).perMinute();
		double garbage = Math.max(0, confirmation.youngPerMinute() - confirmation.livePerMinute());
		return climb > 0 && climb >= garbage + (1 - UPPER_BOUND_PACE_SHARE) * confirmation.livePerMinute();
	}

	/**
	 * Whether a climb is markedly steeper than the one a round refuted: a new climb (a leak
	 * that began under the garbage), which the refutation does not cover.
	 */
	static boolean steeper(Window climb, Confirmation refuted) {
		return climb.perMinute() >= STEEPER * refuted.youngPerMinute();
	}

	/**
	 * A climb measured at one end: the floor a whole-heap collection just measured, well
	 * above the lowest of the upper bounds young collections gave one to two min-evidence
	 * spans before it, so the retained heap rose at least that fast, at a pace that would
	 * fill the heap within {@link TrendSettings#URGENT}. Serial and Parallel collect the
	 * old generation by themselves when it is full of promoted garbage, and the climb after
	 * young collections starts again from their floor, as one of a sawtooth does: that floor,
	 * above where the last climb began, is what tells retained growth from the sawtooth,
	 * and a round of live histograms measures it while the collector's measurement is fresh.
	 * @return the climb from the lowest upper bound to the floor, or {@code null}
	 */
	@Nullable Window floorAboveClimb(List<Point> floors, List<Point> young, @Nullable Confirmation confirmation,
			long limit, long nowMillis) {
		if (floors.isEmpty() || limit <= 0) {
			return null;
		}
		Point floor = floors.get(floors.size() - 1);
		long minEvidence = this.settings.minEvidence().toMillis();
		long persist = this.settings.persistSpan().toMillis();
		if (nowMillis - floor.atMillis() > minEvidence
				|| (confirmation != null && confirmation.atMillis() >= floor.atMillis() - persist)) {
			return null;
		}
		for (Point earlier : floors) {
			if (earlier != floor && earlier.atMillis() >= floor.atMillis() - persist) {
				// Another floor within the persist span: the rise from it is the measured
				// one, and what the floors show (with what young collections show) decides.
				return null;
			}
		}
		Point lowest = null;
		for (Point point : young) {
			if (point.atMillis() >= floor.atMillis() - persist && point.atMillis() <= floor.atMillis() - minEvidence
					&& (lowest == null || point.value() < lowest.value())) {
				lowest = point;
			}
		}
		if (lowest == null) {
			return null;
		}
		Window climb = Window.of(List.of(lowest, floor), limit, true);
		boolean significant = climb.growth() >= Math.max(TrendSettings.CLIMB_SHARE_OF_LIMIT * limit, 1024 * 1024);
		return (significant && climb.untilLimit() <= TrendSettings.URGENT.toMillis()) ? climb : null;
	}

	/**
	 * Whether a climb after young collections will soon reach the occupancy at which every
	 * collector collects the old generation by itself (G1 starts marking at 45% of the heap,
	 * Parallel and Serial collect when their old generation of about two thirds is full):
	 * then its own old collection measures the floor within half a min-evidence span, at no cost.
	 */
	private boolean collectorWillMeasure(Window climb, long limit) {
		double threshold = OLD_COLLECTION_SHARE * limit;
		double level = climb.level();
		return limit > 0 && climb.slope() > 0 && level < threshold
				&& (threshold - level) / climb.slope() <= this.settings.minEvidence().toMillis() / 2;
	}

	/**
	 * Whether old-generation collections during the climb, up to its last quarter,
	 * contradict a climb seen after young ones: their floor, judged over the climb's own
	 * span, stays flat or levels off while the upper bounds rise. A floor judged over a
	 * longer record would call a leak that began late flat for the flat stretch before it.
	 */
	private static boolean contradicts(List<Point> oldPoints, Window climb, long limit) {
		List<Point> during = since(oldPoints, climb.fit().fromMillis());
		if (during.size() < TrendSettings.MIN_POINTS) {
			return false;
		}
		Window window = Window.of(during, limit, true);
		return !window.steady() && window.spanMillis() >= climb.spanMillis() / 2
				&& window.fit().toMillis() >= climb.fit().toMillis() - climb.spanMillis() / 4;
	}

	/**
	 * The climb after a round of live histograms measured it: refuted, or retained memory
	 * growing at the live floor's pace since the climb began, judged by the same grounds
	 * as any floor.
	 * @param collectorMeasuresFloor whether the collector measures the floor itself (its
	 * whole-heap collections come before the heap fills): then a pace drawn on past the round
	 * does not make a rise urgent that was not urgent as measured
	 */
	private Verdict confirmed(Confirmation confirmation, long climbFromMillis, List<Point> oldPoints,
			List<Point> wholeHeap, long limit, boolean collectorMeasuresFloor, Verdict.Facts facts, long nowMillis) {
		List<Long> floors = confirmation.liveFloors().stream().map(Point::value).toList();
		Verdict.Facts measured = facts.measured(floors, confirmation.youngPerMinute());
		if (confirmation.outcome() == Confirmation.Outcome.INCONCLUSIVE) {
			return new Verdict(Resource.HEAP, Finding.CONFIRMING, Math.max(0, confirmation.youngPerMinute()), null,
					null, null, liveEvidence(confirmation, confirmation.livePerMinute()), measured, true, nowMillis);
		}
		if (!confirmation.confirmed()) {
			return new Verdict(Resource.HEAP, Finding.REFUTED, Math.max(0, confirmation.livePerMinute()), null, null,
					null, liveEvidence(confirmation, confirmation.livePerMinute()), measured, false, nowMillis);
		}
		// The climb after young collections counts as retained for as long as it was watched
		// only when the live floor rose at a comparable pace; otherwise it was mostly
		// garbage, and only what the live histograms spanned is known to be retained.
		long watchedFrom = Math.min(climbFromMillis, confirmation.liveFromMillis());
		long from = lineFrom(confirmation, climbFromMillis);
		// The measured pace is drawn on for as long after the round as the climb was watched
		// before it, no further: past that, upper bounds that go on climbing cannot tell a
		// leak from a cache that filled up and now promotes its evicted entries, so the line
		// stops where the measurement reaches and the floor is measured again before a call
		// rests on more than that.
		long reach = confirmation.atMillis()
				+ Math.max(confirmation.atMillis() - watchedFrom, this.settings.persistSpan().toMillis());
		double measuredStart = measuredAt(oldPoints, wholeHeap, from, confirmation);
		Window live = Window.of(line(confirmation, from, measuredStart, Math.min(nowMillis, reach)), limit, true);
		Grounds grounds = live.steady() ? SeriesJudgement.grounds(live, Resource.HEAP, this.settings) : null;
		if (collectorMeasuresFloor && urgent(grounds) && nowMillis > confirmation.atMillis()) {
			// Drawn on, the pace may near the heap's end only because the line goes on past
			// what was measured (a sawtooth's tooth flushed since looks the same). A collector
			// that collects the whole heap before the heap fills measures the floor itself by
			// then, so the line stops at the last floor that measured it on its course: the
			// round's, or a whole-heap collection's since, until one (or another round) does.
			long measuredTo = Math.min(reach, lastOnLine(confirmation, wholeHeap));
			Window atFloor = Window.of(line(confirmation, from, measuredStart, measuredTo), limit, true);
			Grounds measuredGrounds = atFloor.steady() ? SeriesJudgement.grounds(atFloor, Resource.HEAP, this.settings)
					: null;
			if (!urgent(measuredGrounds)) {
				reach = measuredTo;
				live = atFloor;
				grounds = measuredGrounds;
			}
		}
		boolean stale = nowMillis > reach;
		Finding finding = (grounds == null) ? Finding.FILLING : urgent(grounds) ? Finding.FILLS_SOON : Finding.GROWING;
		Evidence evidence = new Evidence(Basis.CONFIRMED, live.fit().fromMillis(), live.fit().toMillis(),
				floors.size(), List.of("LIVE_HISTOGRAM"), 0, 1, Math.round(live.start()), Math.round(live.level()), 1, 0);
		// The line ends at its reach; the heap left is counted from now.
		double untilLimit = stale ? Math.max(0, live.untilLimit() - (nowMillis - reach)) : live.untilLimit();
		return new Verdict(Resource.HEAP, finding, Math.max(0, live.perMinute()), Projection.of(live),
				finding.leak() ? Severity.of(untilLimit) : null, grounds, evidence, measured.limited(untilLimit, limit),
				stale && !finding.leak(), nowMillis);
	}

	/**
	 * The last moment a floor measured a confirmed climb's line: the round's, or the latest
	 * whole-heap collection since that is not clearly below the line.
	 */
	private static long lastOnLine(Confirmation confirmation, List<Point> wholeHeap) {
		double tolerance = CONFIRM_NOISE_MULTIPLE * liveNoise(confirmation.liveLevel());
		long last = confirmation.atMillis();
		for (Point point : wholeHeap) {
			if (point.atMillis() > last && point.value() >= lineAt(confirmation, point.atMillis()) - tolerance) {
				last = point.atMillis();
			}
		}
		return last;
	}

	/** Where a measured climb's line is at a moment: the live floor at its measured pace. */
	private static double lineAt(Confirmation confirmation, long atMillis) {
		return confirmation.liveLevel() + confirmation.livePerMinute() / 60_000.0 * (atMillis - confirmation.atMillis());
	}

	private static boolean urgent(@Nullable Grounds grounds) {
		return grounds == Grounds.URGENT || grounds == Grounds.HALF_FREE;
	}

	/**
	 * Whether the climb after young collections counts as retained for as long as it was
	 * watched: it kept a steady pace and the live floor rose at a comparable one; otherwise
	 * it was mostly garbage, and only what the live histograms spanned is known to be retained.
	 */
	private static boolean consistent(Confirmation confirmation) {
		return confirmation.climbSteady()
				&& confirmation.livePerMinute() >= CONSISTENT_PACE_SHARE * confirmation.youngPerMinute();
	}

	/**
	 * Where a confirmed climb's line begins: where the climb began when it is consistent
	 * with the live floor, else where the live floor is known to have risen.
	 */
	private static long lineFrom(Confirmation confirmation, long climbFromMillis) {
		return consistent(confirmation) ? Math.min(climbFromMillis, confirmation.liveFromMillis())
				: confirmation.liveFromMillis();
	}

	/**
	 * A round that confirmed a climb again, after an earlier round confirmed it and the
	 * floor kept rising between them at about the pace both measured: one climb measured
	 * twice, so it is known to be retained since the earlier round's climb began, at the
	 * pace of both rounds' floors together. A cache that filled up in between fails this,
	 * its second round flat or far below the first one's line.
	 * @param previous what the round before found, or {@code null}
	 * @param found what this round found
	 * @return what is known of the climb now
	 */
	public Confirmation chained(@Nullable Confirmation previous, Confirmation found) {
		if (previous == null || !previous.confirmed() || !found.confirmed() || found.liveFloors().isEmpty()
				|| previous.liveFloors().isEmpty() || previous.atMillis() >= found.liveFloors().get(0).atMillis()) {
			return found;
		}
		Point before = previous.liveFloors().get(previous.liveFloors().size() - 1);
		Point after = found.liveFloors().get(0);
		double between = (after.value() - before.value()) * 60_000.0 / Math.max(1, after.atMillis() - before.atMillis());
		double measured = Math.min(previous.livePerMinute(), found.livePerMinute());
		if (measured <= 0 || between < UPPER_BOUND_PACE_SHARE * measured
				|| between * UPPER_BOUND_PACE_SHARE > Math.max(previous.livePerMinute(), found.livePerMinute())) {
			return found;
		}
		List<Point> floors = new ArrayList<>(previous.liveFloors());
		floors.addAll(found.liveFloors());
		if (floors.size() > MAX_CHAINED_FLOORS) {
			floors = floors.subList(floors.size() - MAX_CHAINED_FLOORS, floors.size());
		}
		long since = lineFrom(previous, previous.climbFromMillis());
		return new Confirmation(found.outcome(), found.atMillis(), Math.min(found.climbFromMillis(), since),
				TrendFit.of(floors).perMinute(), found.liveLevel(), floors, found.youngPerMinute(),
				found.growingClasses(), found.climbSteady(), since);
	}

	private static List<Point> line(Confirmation confirmation, long fromMillis, double measuredStart, long nowMillis) {
		double perMillis = confirmation.livePerMinute() / 60_000.0;
		long to = Math.max(nowMillis, confirmation.atMillis());
		long from = fromMillis;
		double start = Math.max(measuredStart, confirmation.liveLevel() + perMillis * (from - confirmation.atMillis()));
		double end = confirmation.liveLevel() + perMillis * (to - confirmation.atMillis());
		List<Point> points = new ArrayList<>();
		int steps = TrendSettings.MIN_POINTS * 2;
		for (int i = 0; i <= steps; i++) {
			long at = from + (to - from) * i / steps;
			points.add(new Point(at, Math.round(start + (end - start) * i / steps)));
		}
		return points;
	}

	/**
	 * The least the live heap can have been at the climb's start, as collections measured
	 * it, or 0 if none did: the lowest old-generation floor in the climb's first quarter
	 * (up to the round), and no lower than the lowest whole-heap floor since the warm-up
	 * before it. Retained memory only grows, so a floor measured earlier is one the climb
	 * started above; a line drawn back at the live pace alone would start a climb that
	 * began from a trough (load rising again after a fall) far too low, and make it look
	 * like a multiple of where it began.
	 */
	private static double measuredAt(List<Point> oldPoints, List<Point> wholeHeap, long fromMillis,
			Confirmation confirmation) {
		long quarter = fromMillis + Math.max(0, confirmation.atMillis() - fromMillis) / 4;
		double lowest = Double.MAX_VALUE;
		for (Point point : oldPoints) {
			if (point.atMillis() >= fromMillis && point.atMillis() <= quarter) {
				lowest = Math.min(lowest, point.value());
			}
		}
		double earlier = Double.MAX_VALUE;
		for (Point point : wholeHeap) {
			if (point.atMillis() <= quarter) {
				earlier = Math.min(earlier, point.value());
			}
		}
		double measured = (lowest == Double.MAX_VALUE) ? 0 : lowest;
		return (earlier == Double.MAX_VALUE) ? measured : Math.max(measured, earlier);
	}

	private static Evidence liveEvidence(Confirmation confirmation, double perMinute) {
		List<Point> floors = confirmation.liveFloors();
		long from = floors.isEmpty() ? confirmation.atMillis() : floors.get(0).atMillis();
		long first = floors.isEmpty() ? confirmation.liveLevel() : floors.get(0).value();
		return new Evidence(Basis.CONFIRMED, from, confirmation.atMillis(), floors.size(), List.of("LIVE_HISTOGRAM"),
				0, 1, first, confirmation.liveLevel(), 1, 0);
	}

	/**
	 * Measures a climb with live histograms: confirmed when the live floor rose beyond
	 * its noise over the round (never falling by more than the noise between steps), or,
	 * for a smaller rise, when some classes grew at every step by a clear number of
	 * instances (a leak's signature), or when enough floors rise as a series does; in
	 * every case without slowing to less than half the round's pace by its last step (a
	 * round on its own), or, with the floors of an inconclusive round before, only when
	 * this round's last floor is above all of that round's. Refuted when it did not rise
	 * beyond its noise, or rose in the earlier round and then stopped; inconclusive
	 * otherwise (a rise in steps, with a dip, or slowing by the last step: for the next
	 * round to judge with this one's).
	 * @param suspicion the verdict that raised the suspicion
	 * @param liveFloors the live bytes measured, oldest first (at least two): those of an
	 * inconclusive round before, if any, then this round's
	 * @param earlierFloors how many of them the round before measured (0 for none)
	 * @param growingClasses classes whose instances grew at every step of this round
	 * @param leastGain the fewest instances any of them gained per step
	 * @param nowMillis when
	 * @return what the round found
	 */
	public Confirmation confirm(Verdict suspicion, List<Point> liveFloors, int earlierFloors, int growingClasses,
			long leastGain, long nowMillis) {
		long first = liveFloors.get(0).value();
		long last = liveFloors.get(liveFloors.size() - 1).value();
		double noise = liveNoise(last);
		boolean neverFell = true;
		boolean everyStepRose = true;
		for (int i = 1; i < liveFloors.size(); i++) {
			long step = liveFloors.get(i).value() - liveFloors.get(i - 1).value();
			neverFell &= step >= -noise;
			everyStepRose &= step >= noise;
		}
		long rise = last - first;
		// A leak grows at every step; a batch that landed between two of them does not.
		boolean risesClearly = rise >= CONFIRM_NOISE_MULTIPLE * noise && everyStepRose;
		boolean classesGrow = rise >= noise && growingClasses > 0
				&& leastGain >= CONFIRMING_INSTANCES_PER_STEP;
		// Floors of several rounds (an inconclusive one before), or of a long round, rise as
		// a series does.
		boolean risesAsSeries = liveFloors.size() >= TrendSettings.MIN_POINTS
				&& TrendFit.of(liveFloors).rises(TrendSettings.SIGNIFICANCE) && rise >= CONFIRM_NOISE_MULTIPLE * noise;
		boolean rising = (neverFell && (risesClearly || classesGrow)) || risesAsSeries;
		// After an inconclusive round the floor must have kept rising: a batch that landed, or
		// a cache that reached its bound, during that round rose once and then stopped, and
		// is refuted whatever its classes did.
		int earlier = Math.max(0, Math.min(earlierFloors, liveFloors.size() - 1));
		long earlierHighest = liveFloors.subList(0, earlier).stream().mapToLong(Point::value).max().orElse(first);
		boolean keptRising = earlier == 0 || last - earlierHighest >= CONFIRM_NOISE_MULTIPLE * noise;
		// A floor that slowed to less than half its pace by the last step levels off (a cache
		// reaching its bound during the round): its classes still grow at every step, but it
		// is not rising as a leak rises, and the next round judges both. Judged with the round
		// before, the series decides: a leak growing in steps lands one step per round.
		// The mirror image, a first step far short of the round's pace, is a floor that stood
		// still and then rose in one go: a batch that landed during the round, not yet a pace.
		boolean levelling = earlier == 0 && (levelsOff(liveFloors, noise) || beginsLate(liveFloors, noise));
		boolean confirmed = rising && keptRising && !levelling;
		boolean inconclusive = !confirmed && keptRising && (rising || rise >= CONFIRM_NOISE_MULTIPLE * noise);
		double perMinute = (liveFloors.size() >= 2) ? TrendFit.of(liveFloors).perMinute() : 0;
		Evidence climb = suspicion.evidence();
		// A round measuring again a pace an earlier round confirmed is no climb after young
		// collections of its own: what it measured starts at its first floor, and only
		// chained() carries the earlier climb back; the young pace stays the one first seen.
		boolean again = climb.basis() == Basis.CONFIRMED;
		boolean steady = !again && climb.pace() >= TrendSettings.KEEP_PACE;
		// A climb that kept its pace only in its later half began about half-way through.
		long from = again ? liveFloors.get(0).atMillis()
				: (climb.pace() > TrendSettings.ONSET_PACE) ? climb.fromMillis() + climb.spanMillis() / 2
						: climb.fromMillis();
		double young = (again || climb.basis() == Basis.FLOOR_ABOVE_CLIMB) ? suspicion.facts().youngPerMinute()
				: suspicion.growthPerMinute();
		Confirmation.Outcome outcome = confirmed ? Confirmation.Outcome.CONFIRMED
				: inconclusive ? Confirmation.Outcome.INCONCLUSIVE : Confirmation.Outcome.REFUTED;
		return new Confirmation(outcome, nowMillis, from, perMinute, last, liveFloors, young, growingClasses, steady,
				liveFloors.get(0).atMillis());
	}

	/**
	 * Whether a round's live floors slowed down: the last step, with the noise of both its
	 * floors allowed it, rose by less than {@link TrendSettings#KEEP_PACE} of what the
	 * round's own pace (first to last floor) would have raised it over that step's time.
	 * A leak's floors rising by a noise unit a step or more, each off its line by up to the
	 * noise, never do.
	 */
	static boolean levelsOff(List<Point> liveFloors, double noise) {
		return liveFloors.size() >= 3 && stepShortOfPace(liveFloors, liveFloors.size() - 1, noise);
	}

	/**
	 * Whether a round's live floors began to rise only after the first step: it rose, with
	 * the noise of both its floors allowed it, by less than {@link TrendSettings#KEEP_PACE}
	 * of what the round's own pace (first to last floor) would have raised it over that
	 * step's time. A leak's floors rising by a noise unit a step or more, each off its line
	 * by up to the noise, never do; a batch that landed between the later floors does.
	 */
	static boolean beginsLate(List<Point> liveFloors, double noise) {
		return liveFloors.size() >= 3 && stepShortOfPace(liveFloors, 1, noise);
	}

	/**
	 * Whether the step up to the given floor, with the noise of both its floors allowed it,
	 * rose by less than {@link TrendSettings#KEEP_PACE} of what the round's own pace (first
	 * to last floor) would have raised it over that step's time.
	 */
	private static boolean stepShortOfPace(List<Point> liveFloors, int step, double noise) {
		Point first = liveFloors.get(0);
		Point last = liveFloors.get(liveFloors.size() - 1);
		Point before = liveFloors.get(step - 1);
		Point after = liveFloors.get(step);
		double perMillis = (last.value() - first.value()) / (double) Math.max(1, last.atMillis() - first.atMillis());
		double expected = perMillis * (after.atMillis() - before.atMillis());
		return expected > 0 && after.value() - before.value() + 2 * noise < TrendSettings.KEEP_PACE * expected;
	}

	/**
	 * How much a live floor drifts without a leak.
	 * @param level the live floor
	 * @return the noise assumed, bytes
	 */
	static double liveNoise(long level) {
		return Math.max(MIN_LIVE_NOISE, LIVE_NOISE_SHARE * level);
	}

	/**
	 * Judges a periodically sampled amount, such as metaspace bytes or live threads.
	 * @param resource the resource
	 * @param samples the samples, oldest first
	 * @param limit the most the resource may reach, or a non-positive value if it has no limit
	 * @param nowMillis the moment of judgement, milliseconds since the JVM started
	 * @return the verdict
	 */
	public Verdict judgeSamples(Resource resource, List<Point> samples, long limit, long nowMillis) {
		long warmupEnd = this.settings.warmup().toMillis();
		SeriesJudgement judged = SeriesJudgement.of(since(samples, warmupEnd), limit, resource, this.settings);
		Verdict.Facts facts = Verdict.Facts.of(this.settings);
		if (judged.window() == null) {
			return without(judged, nowMillis < warmupEnd, resource, facts, nowMillis);
		}
		return verdict(judged, resource, Basis.SAMPLES, List.of("SAMPLE"), facts, nowMillis);
	}

	private static Verdict verdict(SeriesJudgement judged, Resource resource, Basis basis, List<String> kinds,
			Verdict.Facts facts, long nowMillis) {
		Window window = judged.window();
		boolean rising = judged.finding() == Finding.FILLING || judged.leak();
		double growth = rising ? Math.max(0, window.perMinute()) : Math.max(0, window.fit().perMinute());
		return new Verdict(resource, judged.finding(), growth, rising ? Projection.of(window) : null,
				judged.leak() ? Severity.of(window.untilLimit()) : null, judged.grounds(),
				Evidence.of(basis, window, kinds),
				facts.observed(judged.observations(), judged.spanMillis()).limited(window.untilLimit(),
						window.limit()),
				false, nowMillis);
	}

	private static Verdict without(SeriesJudgement judged, boolean warmingUp, Resource resource, Verdict.Facts facts,
			long nowMillis) {
		Finding finding = warmingUp ? Finding.WARMING_UP : judged.finding();
		return Verdict.without(resource, finding, facts.observed(judged.observations(), judged.spanMillis()),
				nowMillis);
	}

	private @Nullable Verdict pressure(GcHistory.HeapSeries series, long limit, HeapLimits limits,
			Verdict.Facts facts, long nowMillis) {
		List<HeapAfterGc> recent = new ArrayList<>();
		for (HeapAfterGc collection : series.recent()) {
			// A forced collection says nothing about pressure: it ran because someone asked.
			if (!collection.forced()) {
				recent.add(collection);
			}
		}
		int needed = TrendSettings.PRESSURE_COLLECTIONS;
		int wholeHeap = 0;
		boolean nearLimit = limit > 0;
		for (int i = recent.size() - 1; i >= 0 && wholeHeap < needed && nearLimit; i--) {
			HeapAfterGc collection = recent.get(i);
			nearLimit = collection.used() >= TrendSettings.PRESSURE_SHARE_OF_MAX * limit;
			wholeHeap += collection.kind().wholeHeap() ? 1 : 0;
		}
		Verdict.Facts found = null;
		if (nearLimit && wholeHeap == needed) {
			found = facts.pressure(needed, TrendSettings.PRESSURE_SHARE_OF_MAX, false);
		}
		else if (recent.size() >= needed) {
			double share = limits.cannotGrowShare();
			// Back to back: one after the other within a min-evidence span, nothing between.
			boolean backToBack = recent.get(recent.size() - 1).atMillis()
					- recent.get(recent.size() - needed).atMillis() <= this.settings.minEvidence().toMillis();
			for (int i = recent.size() - needed; i < recent.size(); i++) {
				HeapAfterGc collection = recent.get(i);
				backToBack &= collection.kind() == CollectionKind.FULL && collection.used() >= share * collection.committed();
			}
			found = backToBack ? facts.pressure(needed, share, true) : null;
		}
		if (found == null) {
			return null;
		}
		HeapAfterGc last = recent.get(recent.size() - 1);
		List<Point> floors = since(series.floor(), this.settings.warmup().toMillis());
		List<Point> lastFloors = floors.subList(Math.max(0, floors.size() - TrendSettings.MAX_FIT_POINTS),
				floors.size());
		Window window = (lastFloors.size() >= 2) ? Window.of(lastFloors, limit, true) : null;
		Evidence evidence = (window != null) ? Evidence.of(Basis.PRESSURE, window, kinds(series.counts(), true))
				: new Evidence(Basis.PRESSURE, recent.get(recent.size() - needed).atMillis(), last.atMillis(), needed,
						kinds(series.counts(), true), 0, 0, last.used(), last.used(), 1, 0);
		double growth = (window != null) ? Math.max(0, window.perMinute()) : 0;
		double untilLimit = (window != null) ? window.untilLimit() : 0;
		return new Verdict(Resource.HEAP, Finding.PRESSURE, growth,
				(window != null && window.slope() > 0) ? Projection.of(window) : null, Severity.MINUTES, null,
				evidence, found.limited(untilLimit, limit).observed(floors.size(), last.atMillis() - evidence.fromMillis()),
				false, nowMillis);
	}

	/**
	 * Old-generation and young points in time order, the young ones before each
	 * old-generation collection lowered by the garbage it cleared, as it built up since the
	 * one before: a collection someone forced (a live snapshot, {@code System.gc()}) then
	 * adds a floor point without breaking the climb the young ones show. Young points after
	 * the last old-generation collection stay as they are: upper bounds.
	 */
	static List<Point> upperBounds(List<Point> old, List<Point> young) {
		List<Point> corrected = new ArrayList<>(young.size());
		int anchor = 0;
		int first = 0;
		long previousAt = young.isEmpty() ? 0 : young.get(0).atMillis();
		for (int i = 0; i <= young.size(); i++) {
			boolean end = i == young.size();
			while (anchor < old.size() && (end || old.get(anchor).atMillis() < young.get(i).atMillis())) {
				Point floor = old.get(anchor++);
				if (i > first) {
					long garbage = young.get(i - 1).value() - floor.value();
					long span = Math.max(1, floor.atMillis() - previousAt);
					for (int j = first; j < i; j++) {
						Point point = young.get(j);
						long share = (garbage > 0) ? garbage * (point.atMillis() - previousAt) / span : 0;
						corrected.add(new Point(point.atMillis(), point.value() - share));
					}
					first = i;
				}
				previousAt = floor.atMillis();
			}
		}
		for (int j = first; j < young.size(); j++) {
			corrected.add(young.get(j));
		}
		return merge(old, corrected);
	}

	/** Floor and young points in time order. */
	static List<Point> merge(List<Point> floor, List<Point> young) {
		List<Point> merged = new ArrayList<>(floor.size() + young.size());
		int i = 0;
		int j = 0;
		while (i < floor.size() || j < young.size()) {
			if (j >= young.size() || (i < floor.size() && floor.get(i).atMillis() <= young.get(j).atMillis())) {
				merged.add(floor.get(i++));
			}
			else {
				merged.add(young.get(j++));
			}
		}
		return merged;
	}

	private static List<Point> since(List<Point> points, long fromMillis) {
		return SeriesJudgement.since(points, fromMillis);
	}

	private static long limit(GcHistory.HeapSeries series, long maxHeap) {
		if (maxHeap > 0) {
			return maxHeap;
		}
		List<HeapAfterGc> recent = series.recent();
		return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).committed();
	}

	private static List<String> kinds(Map<CollectionKind, Long> counts, boolean floorOnly) {
		List<String> kinds = new ArrayList<>();
		for (CollectionKind kind : CollectionKind.values()) {
			if (counts.containsKey(kind) && kind != CollectionKind.OTHER && (!floorOnly || kind.wholeHeap())) {
				kinds.add(kind.name());
			}
		}
		return kinds;
	}

}
