package io.leaks.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analysis on synthetic series whose truth is known: each replayed collection by
 * collection and judged every 30 seconds, as the starter does.
 */
class TrendAnalyzerTests {

	private static final long MIB = 1024 * 1024;

	private static final long SECOND = 1000;

	private static final long MINUTE = 60 * SECOND;

	private static final long HOUR = 60 * MINUTE;

	private static final long MAX_HEAP = 512 * MIB;

	private final TrendAnalyzer analyzer = new TrendAnalyzer(
			new TrendSettings(Duration.ofMinutes(2), Duration.ofMinutes(2)));

	private final Random random = new Random(42);

	@Test
	void linearLeakShouldBeSuspectedOnTheFloorWithItsRate() {
		List<HeapAfterGc> collections = generational(3 * HOUR, (t) -> 100 * MIB + 2 * MIB * t / MINUTE);
		List<Verdict> verdicts = replay(collections, MAX_HEAP);
		Verdict first = firstLeak(verdicts);
		assertThat(first).isNotNull();
		assertThat(first.evidence().basis()).isEqualTo(Basis.FLOOR_TREND);
		assertThat(first.evidence().kinds()).containsExactly("FULL");
		assertThat(first.growthPerMinute()).isCloseTo(2 * MIB, within(0.15 * 2 * MIB));
		assertThat(first.projection()).isNotNull();
		assertThat(first.projection().limit()).isEqualTo(MAX_HEAP);
		assertThat(first.projection().earliestMillis()).isLessThanOrEqualTo(first.projection().exhaustionAtMillis());
		assertThat(first.projection().latestMillis()).isGreaterThanOrEqualTo(first.projection().exhaustionAtMillis());
		// Projected no further ahead than the evidence reaches back.
		assertThat(first.projection().exhaustionAtMillis() - first.evidence().toMillis())
			.isLessThanOrEqualTo(first.evidence().spanMillis());
		Verdict early = at(verdicts, HOUR);
		assertThat(early.status()).isEqualTo(TrendStatus.COLLECTING);
		assertThat(early.reason()).startsWith("Not a leak yet");
	}

	@Test
	void stepLeakShouldBeSuspected() {
		List<HeapAfterGc> collections = generational(3 * HOUR, (t) -> 100 * MIB + 20 * MIB * (t / (10 * MINUTE)));
		Verdict first = firstLeak(replay(collections, MAX_HEAP));
		assertThat(first).isNotNull();
		assertThat(first.evidence().basis()).isEqualTo(Basis.FLOOR_TREND);
		assertThat(first.growthPerMinute()).isCloseTo(2 * MIB, within(0.25 * 2 * MIB));
	}

	@Test
	void sawtoothOfPromotedGarbageReclaimedByFullCollectionsShouldNeverBeALeak() {
		List<HeapAfterGc> collections = new ArrayList<>();
		for (long t = 10 * SECOND; t <= 12 * HOUR; t += 10 * SECOND) {
			long phase = t % (2 * HOUR);
			if (phase < 10 * SECOND) {
				collections.add(new HeapAfterGc(t, CollectionKind.FULL, 100 * MIB + noise(2), MAX_HEAP));
			}
			else {
				collections.add(new HeapAfterGc(t, CollectionKind.YOUNG, 100 * MIB + 300 * MIB * phase / (2 * HOUR)
						+ noise(5), MAX_HEAP));
			}
		}
		List<Verdict> verdicts = replay(collections, MAX_HEAP);
		assertThat(verdicts).noneMatch(Verdict::leak);
	}

	@Test
	void warmupThatLevelsOffShouldNeverBeALeak() {
		List<HeapAfterGc> collections = generational(8 * HOUR,
				(t) -> 100 * MIB + (long) (300 * MIB * (1 - Math.exp(-t / (double) (40 * MINUTE)))));
		List<Verdict> verdicts = replay(collections, MAX_HEAP);
		assertThat(verdicts).noneMatch(Verdict::leak);
		Verdict last = verdicts.get(verdicts.size() - 1);
		assertThat(last.status()).isEqualTo(TrendStatus.STABLE);
	}

	@Test
	void youngOnlyClimbShouldBeASuspicionUntilLiveHistogramsConfirmIt() {
		List<HeapAfterGc> collections = new ArrayList<>();
		for (long t = 10 * SECOND; t <= 150 * MINUTE; t += 10 * SECOND) {
			collections.add(new HeapAfterGc(t, CollectionKind.YOUNG, 50 * MIB + 3 * MIB * t / MINUTE + noise(3),
					MAX_HEAP));
		}
		List<Verdict> verdicts = replay(collections, MAX_HEAP);
		assertThat(verdicts).noneMatch(Verdict::leak);
		Verdict suspicion = verdicts.stream().filter(Verdict::suspicion).findFirst().orElseThrow();
		assertThat(suspicion.evidence().basis()).isEqualTo(Basis.YOUNG_TREND);
		assertThat(suspicion.status()).isEqualTo(TrendStatus.COLLECTING);
		long at = suspicion.atMillis();
		List<Point> rising = List.of(new Point(at, 300 * MIB), new Point(at + MINUTE, 303 * MIB),
				new Point(at + 2 * MINUTE, 306 * MIB));
		Verdict confirmed = this.analyzer.confirm(suspicion, rising, MAX_HEAP, at + 2 * MINUTE);
		assertThat(confirmed.status()).isEqualTo(TrendStatus.LEAK_SUSPECTED);
		assertThat(confirmed.evidence().basis()).isEqualTo(Basis.CONFIRMED);
		assertThat(confirmed.growthPerMinute()).isCloseTo(3 * MIB, within(0.01 * MIB));
		List<Point> flat = List.of(new Point(at, 60 * MIB), new Point(at + MINUTE, 61 * MIB),
				new Point(at + 2 * MINUTE, 60 * MIB));
		Verdict refuted = this.analyzer.confirm(suspicion, flat, MAX_HEAP, at + 2 * MINUTE);
		assertThat(refuted.status()).isEqualTo(TrendStatus.STABLE);
		assertThat(refuted.reason()).contains("garbage");
		List<Point> creeping = List.of(new Point(at, 300 * MIB), new Point(at + MINUTE, 300 * MIB + 1000),
				new Point(at + 2 * MINUTE, 300 * MIB + 2000));
		Verdict tooSlow = this.analyzer.confirm(suspicion, creeping, MAX_HEAP, at + 2 * MINUTE);
		assertThat(tooSlow.status()).isEqualTo(TrendStatus.STABLE);
		assertThat(tooSlow.reason()).contains("too slowly");
		assertThat(this.analyzer.confirm(suspicion, rising.subList(0, 2), MAX_HEAP, at)).isSameAs(suspicion);
	}

	@Test
	void youngClimbReclaimedByAFullCollectionShouldDropTheSuspicion() {
		GcHistory history = new GcHistory();
		long t = 0;
		for (; t <= 150 * MINUTE; t += 10 * SECOND) {
			history.record(new HeapAfterGc(t, CollectionKind.YOUNG, 50 * MIB + 3 * MIB * t / MINUTE, MAX_HEAP));
		}
		assertThat(this.analyzer.judgeHeap(history.snapshot(), MAX_HEAP, t).suspicion()).isTrue();
		history.record(new HeapAfterGc(t, CollectionKind.FULL, 60 * MIB, MAX_HEAP));
		Verdict after = this.analyzer.judgeHeap(history.snapshot(), MAX_HEAP, t + SECOND);
		assertThat(after.suspicion()).isFalse();
		assertThat(after.leak()).isFalse();
	}

	@Test
	void heapExpandingItsCommittedSizeShouldNotBeALeak() {
		List<HeapAfterGc> collections = new ArrayList<>();
		for (long t = 10 * SECOND; t <= 4 * HOUR; t += 10 * SECOND) {
			long committed = Math.min(512 * MIB, 128 * MIB + 2 * MIB * t / MINUTE);
			boolean full = t % MINUTE == 0;
			long used = 100 * MIB + noise(2) + (full ? 0 : random(20));
			collections.add(new HeapAfterGc(t, full ? CollectionKind.FULL : CollectionKind.YOUNG, used, committed));
		}
		List<Verdict> verdicts = replay(collections, 1024 * MIB);
		assertThat(verdicts).noneMatch(Verdict::leak);
		assertThat(verdicts.get(verdicts.size() - 1).status()).isEqualTo(TrendStatus.STABLE);
	}

	@Test
	void outliersShouldNeitherRaiseNorHideALeak() {
		List<HeapAfterGc> flat = generational(4 * HOUR, (t) -> 150 * MIB);
		List<HeapAfterGc> spiked = withOutliers(flat);
		assertThat(replay(spiked, MAX_HEAP)).noneMatch(Verdict::leak);
		List<HeapAfterGc> leak = withOutliers(generational(3 * HOUR, (t) -> 100 * MIB + 2 * MIB * t / MINUTE));
		Verdict first = firstLeak(replay(leak, MAX_HEAP));
		assertThat(first).isNotNull();
		assertThat(first.growthPerMinute()).isCloseTo(2 * MIB, within(0.2 * 2 * MIB));
	}

	@Test
	void fullCollectionsThatNoLongerFreeMemoryShouldBeALeakWithoutATrend() {
		GcHistory history = new GcHistory();
		for (int i = 1; i <= 5; i++) {
			history.record(new HeapAfterGc(i * SECOND, CollectionKind.FULL, 497 * MIB, MAX_HEAP));
		}
		Verdict verdict = this.analyzer.judgeHeap(history.snapshot(), MAX_HEAP, 6 * SECOND);
		assertThat(verdict.status()).isEqualTo(TrendStatus.LEAK_SUSPECTED);
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.PRESSURE);
		assertThat(verdict.reason()).contains("no longer free memory");
	}

	@Test
	void backToBackFullCollectionsInAHeapStillAllowedToGrowShouldNotBePressure() {
		GcHistory history = new GcHistory();
		for (int i = 1; i <= 20; i++) {
			history.record(new HeapAfterGc(i * 10 * SECOND, CollectionKind.YOUNG, 640 * MIB, 760 * MIB));
			history.record(new HeapAfterGc(i * 10 * SECOND + SECOND, CollectionKind.FULL, 620 * MIB, 720 * MIB));
		}
		Verdict verdict = this.analyzer.judgeHeap(history.snapshot(), 1500 * MIB, 201 * SECOND);
		assertThat(verdict.leak()).isFalse();
	}

	@Test
	void steadilyRisingThreadsShouldBeALeakAndAPoolFillingUpShouldNot() {
		List<Point> leaking = new ArrayList<>();
		List<Point> pool = new ArrayList<>();
		for (long t = 0; t <= 3 * HOUR; t += 30 * SECOND) {
			leaking.add(new Point(t, 40 + t / MINUTE));
			pool.add(new Point(t, Math.min(200, 40 + t / (10 * SECOND))));
		}
		Verdict leak = this.analyzer.judgeSamples("threads", leaking, 0, false, 3 * HOUR);
		assertThat(leak.status()).isEqualTo(TrendStatus.LEAK_SUSPECTED);
		assertThat(leak.growthPerMinute()).isCloseTo(1.0, within(0.05));
		assertThat(leak.projection().limit()).as("doubling, for a resource without a limit")
			.isCloseTo(2 * leak.projection().level(), within(2L));
		Verdict warm = this.analyzer.judgeSamples("threads", pool, 0, false, 3 * HOUR);
		assertThat(warm.status()).isEqualTo(TrendStatus.STABLE);
	}

	@Test
	void tooLittleEvidenceShouldBeCollecting() {
		GcHistory history = new GcHistory();
		for (int i = 1; i <= 6; i++) {
			history.record(new HeapAfterGc(i * 30 * SECOND, CollectionKind.FULL, i * 10 * MIB, MAX_HEAP));
		}
		Verdict verdict = this.analyzer.judgeHeap(history.snapshot(), MAX_HEAP, 4 * MINUTE);
		assertThat(verdict.status()).isEqualTo(TrendStatus.COLLECTING);
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.NONE);
	}

	/**
	 * A generational heap: a young collection every 10 seconds leaving the floor plus some
	 * garbage, a full collection every minute leaving the floor (with a little noise).
	 */
	private List<HeapAfterGc> generational(long duration, LongUnaryOperator floor) {
		List<HeapAfterGc> collections = new ArrayList<>();
		for (long t = 10 * SECOND; t <= duration; t += 10 * SECOND) {
			boolean full = t % MINUTE == 0;
			long used = floor.applyAsLong(t) + noise(3) + (full ? 0 : random(40));
			collections.add(new HeapAfterGc(t, full ? CollectionKind.FULL : CollectionKind.YOUNG, used, MAX_HEAP));
		}
		return collections;
	}

	private List<HeapAfterGc> withOutliers(List<HeapAfterGc> collections) {
		List<HeapAfterGc> spiked = new ArrayList<>();
		for (HeapAfterGc collection : collections) {
			boolean outlier = collection.kind() == CollectionKind.FULL && this.random.nextInt(30) == 0;
			spiked.add(outlier ? new HeapAfterGc(collection.atMillis(), collection.kind(), 450 * MIB,
					collection.committed()) : collection);
		}
		return spiked;
	}

	private List<Verdict> replay(List<HeapAfterGc> collections, long maxHeap) {
		GcHistory history = new GcHistory();
		List<Verdict> verdicts = new ArrayList<>();
		long next = 30 * SECOND;
		for (HeapAfterGc collection : collections) {
			while (next < collection.atMillis()) {
				verdicts.add(this.analyzer.judgeHeap(history.snapshot(), maxHeap, next));
				next += 30 * SECOND;
			}
			history.record(collection);
		}
		return verdicts;
	}

	private static Verdict firstLeak(List<Verdict> verdicts) {
		return verdicts.stream().filter(Verdict::leak).findFirst().orElse(null);
	}

	private static Verdict at(List<Verdict> verdicts, long millis) {
		return verdicts.stream().filter((verdict) -> verdict.atMillis() >= millis).findFirst().orElseThrow();
	}

	private long noise(int mib) {
		return (long) (this.random.nextGaussian() * mib * MIB / 2);
	}

	private long random(int mib) {
		return (long) (this.random.nextDouble() * mib * MIB);
	}

}
