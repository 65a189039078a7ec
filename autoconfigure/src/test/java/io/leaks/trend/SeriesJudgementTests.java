package io.leaks.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one series shows, at the starter's defaults (2 min warm-up and min-evidence: a
 * rise must persist 4 min, a long span is 60 min), on shapes with known answers.
 */
class SeriesJudgementTests {

	static final long MB = 1024 * 1024;

	static final long MINUTE = 60_000;

	private final TrendSettings settings = TrendSettings.defaults();

	private final Random random = new Random(42);

	@Test
	void tooFewPointsShouldAskForMore() {
		SeriesJudgement judged = judge(series(4, MINUTE, (t) -> 100 * MB, 0), 0);
		assertThat(judged.finding()).isEqualTo(Finding.NEEDS_OBSERVATIONS);
		assertThat(judged.observations()).isEqualTo(4);
	}

	@Test
	void pointsOverTooShortASpanShouldAskForMoreTime() {
		assertThat(judge(series(20, 1000, (t) -> 100 * MB, 0), 0).finding()).isEqualTo(Finding.NEEDS_SPAN);
	}

	@Test
	void noiseWithoutATrendShouldBeFlat() {
		SeriesJudgement judged = judge(series(120, 30_000, (t) -> 500 * MB, 20 * MB), 4096 * MB);
		assertThat(judged.finding()).isEqualTo(Finding.FLAT);
		assertThat(judged.leak()).isFalse();
	}

	@Test
	void aRiseThatFillsTheHeapWithinTheSpanWatchedShouldFillSoon() {
		// 40 MiB/min for 6 min in a 512 MiB heap: half the headroom is gone.
		SeriesJudgement judged = judge(series(12, 30_000, (t) -> 100 * MB + 40 * MB * t / MINUTE, MB), 512 * MB);
		assertThat(judged.finding()).isEqualTo(Finding.FILLS_SOON);
		assertThat(judged.grounds()).isEqualTo(Grounds.HALF_FREE);
	}

	@Test
	void aRiseThatFillsTheHeapWithinTwentyMinutesShouldBeUrgentOncePersistent() {
		// 10 MiB/min with 150 MiB left: 15 min to go after 4.5 min of evidence.
		LongUnaryOperator rise = (t) -> 300 * MB + 10 * MB * t / MINUTE;
		assertThat(judge(series(5, 30_000, rise, 0), 500 * MB).grounds()).as("2 min of evidence").isNull();
		SeriesJudgement judged = judge(series(10, 30_000, rise, 0), 500 * MB);
		assertThat(judged.grounds()).isEqualTo(Grounds.URGENT);
		assertThat(judged.window().untilLimit()).isLessThan(Duration.ofMinutes(20).toMillis());
	}

	@Test
	void aSlowSteadyRiseOnABigHeapShouldBeALeakOnceItPersisted() {
		// The demo's cache leak on a 6 GiB heap: 28 MiB/min from 60 MiB; exhaustion 3.5 h away.
		LongUnaryOperator leak = (t) -> 60 * MB + 28 * MB * t / MINUTE;
		SeriesJudgement early = judge(series(6, 30_000, leak, MB), 6144 * MB);
		assertThat(early.finding()).as("2.5 min: a cache could still fill like this").isEqualTo(Finding.FILLING);
		SeriesJudgement judged = judge(series(10, 30_000, leak, MB), 6144 * MB);
		assertThat(judged.finding()).isEqualTo(Finding.GROWING);
		assertThat(judged.grounds()).isEqualTo(Grounds.PERSISTED);
	}

	@Test
	void aBoundedCacheFillingFastShouldNeverBeALeakWhileItFills() {
		// Filling to 40% of the free heap over 20 min, judged at every interval as it fills.
		long heap = 6144 * MB;
		LongUnaryOperator cache = (t) -> 60 * MB + (long) (0.4 * heap * Math.min(1, t / (20.0 * MINUTE)));
		for (int n = 5; n <= 90; n++) {
			SeriesJudgement judged = judge(series(n, 30_000, cache, MB), heap);
			assertThat(judged.leak()).as("after %d points: %s", n, judged.finding()).isFalse();
			assertThat(judged.finding()).isNotEqualTo(Finding.FLAT);
		}
	}

	@Test
	void aFillingCacheShouldSayFillingNeverStable() {
		long heap = 6144 * MB;
		SeriesJudgement judged = judge(series(20, 30_000, (t) -> 60 * MB + 120 * MB * t / MINUTE, MB), heap);
		assertThat(judged.finding()).isEqualTo(Finding.FILLING);
		assertThat(judged.finding().status()).isEqualTo(TrendStatus.COLLECTING);
	}

	@Test
	void warmUpThatLevelsOffShouldLevelOff() {
		LongUnaryOperator warmup = (t) -> 50 * MB + (long) (400 * MB * (1 - Math.exp(-t / (8.0 * MINUTE))));
		SeriesJudgement judged = judge(series(60, 30_000, warmup, MB), 4096 * MB);
		assertThat(judged.finding()).isEqualTo(Finding.LEVELLING_OFF);
	}

	@Test
	void aSlowRiseShouldBeALeakAfterTheLongSpanWhateverItsSize() {
		// 6 MiB/h on 500 MiB: never half its level within the record, but it keeps rising.
		LongUnaryOperator slow = (t) -> 500 * MB + 6 * MB * t / (60 * MINUTE);
		assertThat(judge(series(50, MINUTE, slow, MB / 4), 2048 * MB).grounds()).isNull();
		SeriesJudgement judged = judge(series(70, MINUTE, slow, MB / 4), 2048 * MB);
		assertThat(judged.grounds()).isEqualTo(Grounds.LONG);
	}

	@Test
	void aLeakThatStartsLateShouldBeSeenAsFastAsOneAtStart() {
		// 20 MiB/min from 200 MiB on a 4 GiB heap, from the start, or after a flat day.
		long heap = 4096 * MB;
		int fromStart = pointsUntilLeak(List.of(), heap);
		List<Point> day = series(2880, 30_000, (t) -> 200 * MB, MB);
		int afterADay = pointsUntilLeak(day, heap);
		assertThat(fromStart).isPositive();
		assertThat(afterADay).as("within 90 s").isBetween(fromStart - 3, fromStart + 3);
	}

	private int pointsUntilLeak(List<Point> history, long heap) {
		long onset = history.isEmpty() ? 0 : history.get(history.size() - 1).atMillis() + 30_000;
		List<Point> points = new ArrayList<>(history);
		for (int i = 0; i < 200; i++) {
			points.add(new Point(onset + i * 30_000L, 200 * MB + 10 * MB * i + (i % 2) * MB / 2));
			SeriesJudgement judged = judge(points, heap);
			if (judged.leak()) {
				System.out.println("leak after " + (i + 1) + ": " + judged.grounds() + " span "
						+ judged.window().spanMillis() + " pace " + judged.window().pace() + " start "
						+ judged.window().start() / MB + " growth " + judged.window().growth() / MB);
				return i + 1;
			}
		}
		return -1;
	}

	@Test
	void aRiseThatOnlyJustBeganShouldNotCountTheFlatBeforeItAsPersistence() {
		// Flat for 3 min, then rising for 2 min: the 5-min window's growth all lies in its later half.
		List<Point> points = new ArrayList<>();
		for (int i = 0; i <= 10; i++) {
			long at = i * 30_000L;
			points.add(new Point(at, 200 * MB + ((i > 6) ? (i - 6) * 60 * MB : 0)));
		}
		SeriesJudgement judged = judge(points, 16384 * MB);
		assertThat(judged.leak()).isFalse();
	}

	@Test
	void aPoolRampingToItsMaxShouldNotBeAThreadLeakJudgedAtEveryInterval() {
		// 20 threads, ramping by 10 a minute in steps to 200, then staying there.
		LongUnaryOperator ramp = (t) -> Math.min(200, 20 + 10 * (t / MINUTE));
		for (int n = 5; n <= 240; n++) {
			SeriesJudgement judged = SeriesJudgement.of(series(n, 30_000, ramp, 0), 0, Resource.THREADS, this.settings);
			assertThat(judged.leak()).as("after %d samples: %s", n, judged.finding()).isFalse();
		}
	}

	@Test
	void threadsThatKeepRisingShouldBeALeakAfterTheLongSpan() {
		LongUnaryOperator leak = (t) -> 30 + 3 * (t / MINUTE);
		SeriesJudgement judged = SeriesJudgement.of(series(130, 30_000, leak, 0), 0, Resource.THREADS, this.settings);
		assertThat(judged.grounds()).isEqualTo(Grounds.LONG);
	}

	@Test
	void upperBoundsShouldNeedAClimbWorthAPercentOfTheHeap() {
		// Garbage creeping up by 30 MiB over 30 min on an idle heap: worth live histograms on
		// 512 MiB, not on 6 GiB.
		LongUnaryOperator creep = (t) -> 50 * MB + 30 * MB * t / (30 * MINUTE);
		List<Point> points = series(60, 30_000, creep, 0);
		assertThat(SeriesJudgement.ofUpperBounds(points, 6144 * MB, this.settings).leak()).isFalse();
		assertThat(SeriesJudgement.ofUpperBounds(points, 512 * MB, this.settings).leak()).isTrue();
	}

	@Test
	void aSparseUrgentClimbOfUpperBoundsShouldRaiseASuspicionOnThreeCollections() {
		// The listener leak of the end-to-end test at defaults' evidence (2 min, persist 4 min):
		// 20 MiB/min on 256 MiB, young collections every 70 s, too rare for five of them
		// within the persist span: three over 2 min 20 s are worth live histograms.
		LongUnaryOperator leak = (t) -> 60 * MB + 20 * MB * t / MINUTE;
		SeriesJudgement judged = SeriesJudgement.ofAllUpperBounds(series(3, 70_000, leak, 0), 256 * MB, this.settings);
		assertThat(judged.finding()).isEqualTo(Finding.FILLS_SOON);
		assertThat(judged.grounds()).isEqualTo(Grounds.URGENT);
		assertThat(judged.window().points()).isEqualTo(3);
		assertThat(SeriesJudgement.ofAllUpperBounds(series(2, 140_000, leak, 0), 256 * MB, this.settings).leak())
			.as("two collections").isFalse();
		assertThat(SeriesJudgement.ofAllUpperBounds(series(3, 50_000, leak, 0), 256 * MB, this.settings).leak())
			.as("over less than min-evidence").isFalse();
		assertThat(SeriesJudgement.ofAllUpperBounds(series(4, 40_000, leak, 0), 256 * MB, this.settings).leak())
			.as("collections every 40 s: five of them span the persist span, so the trend decides").isFalse();
		assertThat(judge(series(3, 70_000, leak, 0), 256 * MB).leak()).as("a floor is never judged on three")
			.isFalse();
		assertThat(SeriesJudgement.ofUpperBounds(series(3, 70_000, leak, 0), 256 * MB, this.settings).leak())
			.as("mixed collections alone, always that rare, come with young ones").isFalse();
	}

	@Test
	void aSparseClimbShouldRiseAtEveryCollectionAndThreatenTheHeapSoon() {
		LongUnaryOperator slow = (t) -> 60 * MB + 2 * MB * t / MINUTE;
		assertThat(SeriesJudgement.ofAllUpperBounds(series(3, 70_000, slow, 0), 256 * MB, this.settings).leak())
			.as("exhaustion in 1.5 h").isFalse();
		List<Point> dip = List.of(new Point(0, 60 * MB), new Point(70_000, 90 * MB), new Point(140_000, 89 * MB));
		assertThat(SeriesJudgement.ofAllUpperBounds(dip, 256 * MB, this.settings).leak()).as("a step that fell")
			.isFalse();
		List<Point> slowing = List.of(new Point(0, 60 * MB), new Point(70_000, 90 * MB), new Point(140_000, 92 * MB));
		assertThat(SeriesJudgement.ofAllUpperBounds(slowing, 256 * MB, this.settings).leak())
			.as("slowing down as a cache filling up does").isFalse();
		List<Point> slowedCollections = new ArrayList<>(series(40, 5_000, (t) -> 60 * MB, MB));
		for (int i = 1; i <= 3; i++) {
			slowedCollections.add(new Point(195_000 + i * 70_000, 60 * MB + i * 25 * MB));
		}
		assertThat(SeriesJudgement.ofAllUpperBounds(slowedCollections, 256 * MB, this.settings).grounds())
			.as("young collections that slowed down while a climb began").isEqualTo(Grounds.URGENT);
		// An hour drifting down from 66 to 54 MiB (no window of it, with the climb's points,
		// rises as a trend), then a climb as sparse: the last four points raise the suspicion.
		List<Point> late = new ArrayList<>(series(52, 70_000, (t) -> 66 * MB - 12 * MB * t / (51 * 70_000), 0));
		long end = 51 * 70_000;
		for (int i = 1; i <= 3; i++) {
			late.add(new Point(end + i * 70_000, 60 * MB + i * 25 * MB));
		}
		SeriesJudgement judged = SeriesJudgement.ofAllUpperBounds(late, 256 * MB, this.settings);
		assertThat(judged.grounds()).as("a sparse climb that began after a flat hour").isEqualTo(Grounds.URGENT);
		assertThat(judged.window().points()).as("the climb's, from the last flat one").isEqualTo(4);
	}

	private SeriesJudgement judge(List<Point> points, long limit) {
		return SeriesJudgement.of(points, limit, Resource.HEAP, this.settings);
	}

	/** Points every step from 0, following a shape, with uniform noise of the given spread. */
	private List<Point> series(int count, long stepMillis, LongUnaryOperator shape, long noise) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long at = i * stepMillis;
			long jitter = (noise > 0) ? (long) ((this.random.nextDouble() - 0.5) * 2 * noise) : 0;
			points.add(new Point(at, shape.applyAsLong(at) + jitter));
		}
		return points;
	}

}
