package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap's verdict from the series production records, at the starter's defaults.
 */
class TrendAnalyzerTests {

	static final long MB = 1024 * 1024;

	static final long MINUTE = 60_000;

	private static final HeapLimits SIX_GB = new HeapLimits(6144 * MB, 40);

	private final TrendAnalyzer analyzer = new TrendAnalyzer(TrendSettings.defaults());

	private final GcHistory history = new GcHistory();

	@Test
	void aFloorThatKeepsRisingShouldBeALeakWithItsSeverity() {
		// Full collections every 30 s on a 1 GiB heap, the floor rising 40 MiB/min.
		for (int i = 0; i < 30; i++) {
			record(CollectionKind.FULL, 150 * MB + 20 * MB * i, i * 30_000L, false);
		}
		Verdict verdict = judge(new HeapLimits(1024 * MB, 40), null, 15 * MINUTE);
		assertThat(verdict.finding()).isEqualTo(Finding.FILLS_SOON);
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.FLOOR_TREND);
		assertThat(verdict.severity()).isEqualTo(Severity.MINUTES);
		assertThat(verdict.growthPerMinute()).isCloseTo(40 * MB, org.assertj.core.data.Percentage.withPercentage(5));
		assertThat(verdict.projection()).isNotNull();
	}

	@Test
	void aFloorThatKeepsRisingSlowlyOnABigHeapShouldBeALeakSeveralDaysAway() {
		// The 20 GB heap: daily full collections, the floor rising about 0.48 GB a day.
		long[] floors = { 2450, 2830, 3410, 3880, 4350 };
		for (int day = 0; day < floors.length; day++) {
			record(CollectionKind.FULL, floors[day] * MB, (day + 1) * 24 * 60 * MINUTE, false);
		}
		Verdict verdict = judge(new HeapLimits(20480 * MB, 40), null, 5 * 24 * 60 * MINUTE + MINUTE);
		assertThat(verdict.leak()).as(verdict.reason()).isTrue();
		assertThat(verdict.severity()).as(verdict.reason()).isEqualTo(Severity.DAYS);
	}

	@Test
	void youngCollectionsAloneShouldRaiseASuspicionForLiveHistograms() {
		for (int i = 0; i < 40; i++) {
			record(CollectionKind.YOUNG, 80 * MB + 40 * MB * i / 2, 2 * MINUTE + i * 15_000L, false);
		}
		Verdict verdict = judge(SIX_GB, null, 12 * MINUTE);
		assertThat(verdict.finding()).isEqualTo(Finding.CONFIRMING);
		assertThat(verdict.suspicion()).isTrue();
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.YOUNG_TREND);
		assertThat(verdict.leak()).isFalse();
		Verdict withoutHistograms = this.analyzer.judgeHeap(this.history.snapshot(), SIX_GB, null, false,
				12 * MINUTE);
		assertThat(withoutHistograms.finding()).isEqualTo(Finding.NEEDS_OLD_COLLECTION);
	}

	@Test
	void aSparseClimbShouldRaiseASuspicionOnlyOfYoungCollections() {
		// Three collections 100 s apart on a 1 GiB heap, 100 MiB above one another: too rare
		// for a trend within the persist span, at a pace that fills the heap in about 9 min.
		HeapLimits limits = new HeapLimits(1024 * MB, 40);
		long[] at = { 3 * MINUTE, 3 * MINUTE + 100_000, 3 * MINUTE + 200_000 };
		for (int i = 0; i < at.length; i++) {
			record(CollectionKind.YOUNG, 300 * MB + 100 * MB * i, at[i], false);
		}
		Verdict g1 = judge(limits, null, at[2] + 1_000);
		assertThat(g1.finding()).as("G1's young collections: %s", g1.reason()).isEqualTo(Finding.CONFIRMING);
		assertThat(g1.evidence().sparseClimb()).isTrue();
		// Parallel's young collections leave garbage behind as G1's do, though its full
		// collections measure the floor once the old generation fills: a suspicion too.
		this.history.collectedBy(true);
		Verdict parallel = judge(limits, null, at[2] + 1_000);
		assertThat(parallel.finding()).as("Parallel's young collections: %s", parallel.reason())
			.isEqualTo(Finding.CONFIRMING);
		// The same three as cycles of a collector whose every collection measures the floor
		// (single-generation ZGC), as the simulated one reports them: floor points, which its
		// trend judges once there are enough of them, not a sparse climb (a simulated import
		// loading measured so was called in 33 of 60 runs).
		GcHistory cyclesOnly = new GcHistory();
		cyclesOnly.collectedBy(true);
		for (int i = 0; i < at.length; i++) {
			cyclesOnly.record(new HeapAfterGc(at[i], CollectionKind.CONCURRENT, 300 * MB + 100 * MB * i, 1024 * MB, false));
		}
		Verdict floors = this.analyzer.judgeHeap(cyclesOnly.snapshot(), limits, null, true, at[2] + 1_000);
		assertThat(floors.suspicion()).as(floors.reason()).isFalse();
		assertThat(floors.finding()).isEqualTo(Finding.NEEDS_OBSERVATIONS);
		// A real ZGC reports each cycle's pauses too (OTHER, kept with the young points):
		// they are no young collections either.
		GcHistory zgc = new GcHistory();
		zgc.collectedBy(true);
		for (int i = 0; i < at.length; i++) {
			zgcCycle(zgc, at[i], 300 * MB + 100 * MB * i);
		}
		Verdict cycles = this.analyzer.judgeHeap(zgc.snapshot(), limits, null, true, at[2] + 1_000);
		assertThat(cycles.suspicion()).as(cycles.reason()).isFalse();
		assertThat(cycles.leak()).isFalse();
		// Two more that keep rising make a trend of the floor: a leak at once.
		zgcCycle(zgc, at[2] + 100_000, 600 * MB);
		zgcCycle(zgc, at[2] + 200_000, 700 * MB);
		Verdict trend = this.analyzer.judgeHeap(zgc.snapshot(), limits, null, true, at[2] + 201_000);
		assertThat(trend.finding()).as(trend.reason()).isEqualTo(Finding.FILLS_SOON);
		assertThat(trend.evidence().basis()).isEqualTo(Basis.FLOOR_TREND);
	}

	@Test
	void aClimbAtAPaceThatFillsTheHeapSoonShouldSayOnlyItsPersistenceIsMissing() {
		// Young collections every 15 s for 3 min after the warm-up on a 256 MiB heap, 8 MiB
		// a minute: the heap fills within 20 min at that pace, but not within twice the span
		// watched, and the climb has not persisted the persist span (4 min) yet.
		for (int i = 0; i <= 12; i++) {
			record(CollectionKind.YOUNG, 100 * MB + 8 * MB * i / 4, 2 * MINUTE + i * 15_000L, false);
		}
		Verdict verdict = judge(new HeapLimits(256 * MB, 40), null, 5 * MINUTE + 1_000);
		assertThat(verdict.finding()).as(verdict.reason()).isEqualTo(Finding.FILLING);
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.YOUNG_TREND);
		assertThat(verdict.reason()).matches(".*: at its pace the heap fills in about 1[5-7]min, so live histograms "
				+ "measure the true floor beneath it once it has persisted 4min \\(watched 3min so far\\), or sooner "
				+ "once the heap would fill within twice the span watched; either way the climb must first add 1% of the "
				+ "heap");
		// Persisted, it is a suspicion for live histograms.
		for (int i = 13; i <= 17; i++) {
			record(CollectionKind.YOUNG, 100 * MB + 8 * MB * i / 4, 2 * MINUTE + i * 15_000L, false);
		}
		assertThat(judge(new HeapLimits(256 * MB, 40), null, 6 * MINUTE + 16_000).finding())
			.isEqualTo(Finding.CONFIRMING);
	}

	@Test
	void aClimbTheCollectorIsAboutToMeasureShouldSaySo() {
		// Young collections every 15 s for 6 min, 40 MiB a minute to 690 MiB of a 1 GiB heap:
		// its grounds stand, but the collector collects the old generation by itself at about
		// 70% of the heap, within a minute at this pace, before live histograms would.
		for (int i = 0; i <= 24; i++) {
			record(CollectionKind.YOUNG, 450 * MB + 10 * MB * i, 2 * MINUTE + i * 15_000L, false);
		}
		Verdict verdict = judge(new HeapLimits(1024 * MB, 40), null, 8 * MINUTE + 1_000);
		assertThat(verdict.finding()).as(verdict.reason()).isEqualTo(Finding.FILLING);
		assertThat(verdict.suspicion()).isFalse();
		assertThat(verdict.grounds()).as("the climb's own").isNotNull();
		assertThat(verdict.leakGrounds()).as("/trend's grounds are a leak's").isNull();
		assertThat(verdict.reason()).endsWith(": the heap nears the occupancy at which the collector collects its old "
				+ "generation by itself, within 60s, so live histograms wait for what that collection shows");
	}

	@Test
	void g1MixedCollectionsAloneShouldOnlyRaiseASuspicion() {
		// The mixed floor drifts up for hours as garbage builds up in regions mixed
		// collections skip (a hard negative in the labelled logs): not a leak on its own.
		for (int i = 0; i < 60; i++) {
			record(CollectionKind.MIXED, 1000 * MB + 2 * MB * i, 3 * MINUTE + i * 3 * MINUTE, false);
		}
		Verdict verdict = judge(new HeapLimits(4096 * MB, 40), null, 3 * MINUTE + 60 * 3 * MINUTE);
		assertThat(verdict.leak()).isFalse();
		assertThat(verdict.suspicion()).isTrue();
	}

	@Test
	void aCycleOfMixedCollectionsShouldBeOneMeasurementOfTheFloor() {
		// The listener leak at test settings on a 256 MiB G1 heap: two cycles of mixed
		// collections during the climb, each collecting in steps. As five points, their
		// steps down read as a floor that does not rise and contradicted the climb, which
		// delayed the round by 20 s; as two measurements they contradict nothing yet.
		for (int i = 0; i < 40; i++) {
			long at = 2 * MINUTE + i * 15_000L;
			record(CollectionKind.YOUNG, 60 * MB + 20 * MB * i / 4, at, false);
			if (i == 5) {
				record(CollectionKind.MIXED, 70 * MB, at + 1_000, false);
				record(CollectionKind.MIXED, 62 * MB, at + 1_300, false);
			}
			else if (i == 30) {
				record(CollectionKind.MIXED, 111 * MB, at + 1_000, false);
				record(CollectionKind.MIXED, 99 * MB, at + 1_300, false);
				record(CollectionKind.MIXED, 88 * MB, at + 1_600, false);
			}
		}
		assertThat(this.history.snapshot().mixedCycles()).extracting(Point::value).containsExactly(62 * MB, 88 * MB);
		Verdict verdict = judge(new HeapLimits(256 * MB, 40), null, 2 * MINUTE + 40 * 15_000L);
		assertThat(verdict.suspicion()).as(verdict.reason()).isTrue();
		assertThat(verdict.finding()).isEqualTo(Finding.CONFIRMING);
	}

	@Test
	void mixedCollectionsThatLeaveMoreThanTheStepBeforeShouldStartAnotherCycle() {
		// Young collections that reclaim a dead humongous object lower the old generation
		// too (classified mixed) while promoted garbage raises the heap: each is its own point.
		for (int i = 0; i < 12; i++) {
			record(CollectionKind.MIXED, 400 * MB + 30 * MB * i, 2 * MINUTE + i * 5_000L, false);
		}
		assertThat(this.history.snapshot().mixedCycles()).hasSize(12);
		// A cycle has at most G1's target of eight steps.
		for (int i = 0; i < 10; i++) {
			record(CollectionKind.MIXED, 900 * MB - MB * i, 4 * MINUTE + i * 1_000L, false);
		}
		assertThat(this.history.snapshot().mixedCycles()).hasSize(14);
	}

	@Test
	void aFlatFloorShouldContradictAClimbAfterYoungCollections() {
		for (int i = 0; i < 60; i++) {
			long at = 2 * MINUTE + i * 15_000L;
			long garbage = 20 * MB * (i % 20);
			record((i % 5 == 4) ? CollectionKind.FULL : CollectionKind.YOUNG,
					(i % 5 == 4) ? 300 * MB : 300 * MB + garbage, at, false);
		}
		Verdict verdict = judge(new HeapLimits(1024 * MB, 40), null, 17 * MINUTE);
		assertThat(verdict.suspicion()).isFalse();
		assertThat(verdict.leak()).isFalse();
	}

	@Test
	void liveFloorsRisingAtTheLeaksPaceShouldConfirm() {
		// What a user saw refuted: 131.5 -> 133.6 -> 135.6 MiB, the leak's 4 MB a minute.
		Verdict suspicion = suspicion(12 * MB);
		Confirmation confirmation = this.analyzer.confirm(suspicion,
				List.of(new Point(600_000, (long) (131.5 * MB)), new Point(630_000, (long) (133.6 * MB)),
						new Point(660_000, (long) (135.6 * MB))), 0,
				1, 1000, 660_000);
		assertThat(confirmation.confirmed()).isTrue();
		assertThat(confirmation.livePerMinute()).isCloseTo(4.1 * MB, org.assertj.core.data.Percentage.withPercentage(5));
		List<Point> again = List.of(new Point(600_000, (long) (134.2 * MB)), new Point(630_000, (long) (136.1 * MB)),
				new Point(660_000, (long) (138.1 * MB)));
		assertThat(this.analyzer.confirm(suspicion, again, 0, 0, 0, 660_000).confirmed()).isTrue();
	}

	@Test
	void liveFloorsWithinTheirNoiseShouldRefute() {
		Confirmation confirmation = this.analyzer.confirm(suspicion(30 * MB),
				List.of(new Point(600_000, 500 * MB), new Point(630_000, 500 * MB + MB / 2),
						new Point(660_000, 500 * MB - MB / 4)), 0,
				0, 0, 660_000);
		assertThat(confirmation.confirmed()).isFalse();
		assertThat(confirmation.refuted()).isTrue();
	}

	@Test
	void aFloorThatRoseInOneStepShouldBeLeftToTheNextRoundWhichJudgesBoth() {
		// A batch leaving 25 MiB behind every 3 minutes: a round's histograms a minute apart
		// see one step land, and a dip of less than the noise before it.
		Verdict suspicion = suspicion(8 * MB);
		List<Point> first = List.of(new Point(600_000, 200 * MB), new Point(660_000, 226 * MB),
				new Point(720_000, 224 * MB + MB / 2));
		Confirmation inconclusive = this.analyzer.confirm(suspicion, first, 0, 0, 0, 720_000);
		assertThat(inconclusive.outcome()).isEqualTo(Confirmation.Outcome.INCONCLUSIVE);
		List<Point> both = new java.util.ArrayList<>(first);
		both.addAll(List.of(new Point(2_400_000, 400 * MB), new Point(2_460_000, 400 * MB),
				new Point(2_520_000, 425 * MB)));
		assertThat(this.analyzer.confirm(suspicion, both, 3, 0, 0, 2_520_000).confirmed()).isTrue();
	}

	@Test
	void aSmallRiseWithAClassGrowingAtEveryStepShouldConfirm() {
		List<Point> floors = List.of(new Point(600_000, 500 * MB), new Point(630_000, 500 * MB + MB),
				new Point(660_000, 500 * MB + 2 * MB + MB / 2));
		assertThat(this.analyzer.confirm(suspicion(6 * MB), floors, 0, 0, 0, 660_000).confirmed()).isFalse();
		assertThat(this.analyzer.confirm(suspicion(6 * MB), floors, 0, 2, 500, 660_000).confirmed()).isTrue();
	}

	@Test
	void liveFloorsLevellingOffDuringTheRoundShouldBeLeftToTheNextRound() {
		// A cache reaching its bound between the last two histograms: its entries' class
		// grew at every step, but the floor rose 200 MiB and then 20.
		Verdict suspicion = suspicion(150 * MB);
		List<Point> floors = List.of(new Point(600_000, 1700 * MB), new Point(660_000, 1900 * MB),
				new Point(720_000, 1920 * MB));
		Confirmation levelling = this.analyzer.confirm(suspicion, floors, 0, 1, 5000, 720_000);
		assertThat(levelling.outcome()).isEqualTo(Confirmation.Outcome.INCONCLUSIVE);
		// The same rise kept up to the last step, as a leak's floor does, confirms.
		List<Point> kept = List.of(new Point(600_000, 1700 * MB), new Point(660_000, 1900 * MB),
				new Point(720_000, 2050 * MB));
		assertThat(this.analyzer.confirm(suspicion, kept, 0, 1, 5000, 720_000).confirmed()).isTrue();
	}

	@Test
	void liveFloorsThatStoodStillBeforeAStepShouldBeLeftToTheNextRound() {
		// The library's batch: an import of 80 MiB starting between the first two histograms
		// of a round 90 s apart; classes (byte arrays, strings) grew at every step, but the
		// floor stood still and then rose 39 MiB in one go.
		Verdict suspicion = suspicion(8 * MB);
		List<Point> landed = List.of(new Point(360_000, 29 * MB + MB / 5), new Point(450_000, 30 * MB),
				new Point(540_000, 69 * MB + 2 * MB / 5));
		Confirmation batch = this.analyzer.confirm(suspicion, landed, 0, 3, 500, 540_000);
		assertThat(batch.outcome()).isEqualTo(Confirmation.Outcome.INCONCLUSIVE);
		// The same rise spread over both steps, as a leak's floor rises, confirms.
		List<Point> even = List.of(new Point(360_000, 29 * MB + MB / 5), new Point(450_000, 45 * MB),
				new Point(540_000, 69 * MB + 2 * MB / 5));
		assertThat(this.analyzer.confirm(suspicion, even, 0, 3, 500, 540_000).confirmed()).isTrue();
	}

	@Test
	void aRiseThatStoppedAfterAnInconclusiveRoundShouldBeRefutedWhenBothAreJudged() {
		// The cache of the round above, full by the next round: its floors are flat since.
		Verdict suspicion = suspicion(150 * MB);
		List<Point> both = List.of(new Point(600_000, 1700 * MB), new Point(660_000, 1900 * MB),
				new Point(720_000, 1920 * MB), new Point(2_400_000, 1921 * MB), new Point(2_460_000, 1923 * MB),
				new Point(2_520_000, 1922 * MB));
		Confirmation judged = this.analyzer.confirm(suspicion, both, 3, 1, 5000, 2_520_000);
		assertThat(judged.outcome()).isEqualTo(Confirmation.Outcome.REFUTED);
	}

	@Test
	void aLongRoundShouldBeJudgedAsOneRound() {
		// leaks.trend.histogram-count=5: one round of five floors, not two rounds'.
		Verdict suspicion = suspicion(100 * MB);
		List<Point> levelling = floors(1700, 1900, 2000, 2020, 2025);
		assertThat(this.analyzer.confirm(suspicion, levelling, 0, 1, 5000, 840_000).outcome())
			.isEqualTo(Confirmation.Outcome.INCONCLUSIVE);
		List<Point> batch = floors(200, 226, 225, 226, 225.5);
		assertThat(this.analyzer.confirm(suspicion, batch, 0, 0, 0, 840_000).outcome())
			.isEqualTo(Confirmation.Outcome.INCONCLUSIVE);
		// A small rise a class makes at every step still confirms, as in a round of three.
		List<Point> small = floors(500, 500.7, 501.3, 502.0, 502.6);
		assertThat(this.analyzer.confirm(suspicion, small, 0, 1, 500, 840_000).confirmed()).isTrue();
	}

	@Test
	void aSmallRiseWhoseStepsDifferWithinTheirNoiseShouldStillConfirmByItsClasses() {
		// Classes grew at every step, the floor rose 2.5 and then 0.6 noise units: what the
		// noise of two floors can make of an even rise, not a floor levelling off.
		Verdict suspicion = suspicion(6 * MB);
		List<Point> floors = floors(500, 503.1, 503.8);
		assertThat(this.analyzer.confirm(suspicion, floors, 0, 2, 500, 720_000).confirmed()).isTrue();
	}

	@Test
	void aLeaksNoisyLiveFloorsShouldNeverLookLikeLevellingOffOrBeginningLate() {
		// A leak as slow as one noise unit a step, each floor off its line by up to one
		// noise unit either way (every corner of that, and random draws between them), in
		// rounds of 3 to 6 histograms.
		java.util.Random random = new java.util.Random(42);
		for (int count = 3; count <= 6; count++) {
			for (int draw = 0; draw < 2000; draw++) {
				long level = (200 + random.nextInt(4000)) * MB;
				double noise = TrendAnalyzer.liveNoise(level);
				double pace = 1 + random.nextDouble() * 7;
				List<Point> floors = new java.util.ArrayList<>();
				for (int i = 0; i < count; i++) {
					double off = (draw < 1 << count) ? (((draw >> i) & 1) == 0 ? -noise : noise)
							: (random.nextDouble() * 2 - 1) * noise;
					floors.add(new Point(600_000 + i * 30_000L, Math.round(level + pace * noise * i + off)));
				}
				assertThat(TrendAnalyzer.levelsOff(floors, noise)).as("%d floors: %s", count, floors).isFalse();
				assertThat(TrendAnalyzer.beginsLate(floors, noise)).as("%d floors: %s", count, floors).isFalse();
			}
		}
	}

	@Test
	void aSparseClimbShouldRaiseASuspicionThatSaysItsCollectionsAreTooFewForATrend() {
		// A young collection every 70 s after the warm-up, 20 MiB a minute on 256 MiB: three
		// over 2 min 20 s, too rare for five within the 4 min persist span.
		for (int i = 0; i < 3; i++) {
			record(CollectionKind.YOUNG, 60 * MB + 20 * MB * 70 * i / 60, 2 * MINUTE + 10_000 + i * 70_000L, false);
		}
		Verdict verdict = judge(new HeapLimits(256 * MB, 40), null, 2 * MINUTE + 10_000 + 140_000L);
		assertThat(verdict.suspicion()).as(verdict.reason()).isTrue();
		assertThat(verdict.leak()).isFalse();
		assertThat(verdict.finding()).isEqualTo(Finding.CONFIRMING);
		assertThat(verdict.reason()).isEqualTo("Occupancy after young collections rose at each of the last 3, "
				+ "20.0 MiB/min over 2min, but they come too rarely for a trend: live histograms measure whether the "
				+ "true floor keeps rising until the climb has persisted the 4min persist span");
	}

	private static List<Point> floors(double... mebibytes) {
		List<Point> floors = new java.util.ArrayList<>();
		for (int i = 0; i < mebibytes.length; i++) {
			floors.add(new Point(600_000 + i * 60_000L, Math.round(mebibytes[i] * MB)));
		}
		return floors;
	}

	@Test
	void aConfirmedClimbShouldBeJudgedOnTheLiveFloorsPace() {
		// The demo's cache leak on a 6 GiB heap: young collections climb 58 MiB/min since
		// 2 min, live histograms at 6-7 min measure 28 MiB/min.
		for (int i = 0; i < 20; i++) {
			record(CollectionKind.YOUNG, 100 * MB + 29 * MB * i, 2 * MINUTE + i * 30_000L, false);
		}
		Confirmation confirmation = new Confirmation(Confirmation.Outcome.CONFIRMED, 7 * MINUTE, 2 * MINUTE,
				28 * MB, 230 * MB, List.of(new Point(6 * MINUTE, 202 * MB), new Point(7 * MINUTE, 230 * MB)), 58 * MB, 1, true,
				6 * MINUTE);
		Verdict early = judge(SIX_GB, confirmation, 7 * MINUTE);
		assertThat(early.finding()).as("grown by 155%%, not yet tripled").isEqualTo(Finding.FILLING);
		assertThat(early.evidence().basis()).isEqualTo(Basis.CONFIRMED);
		Verdict verdict = judge(SIX_GB, confirmation, 10 * MINUTE + 30_000);
		assertThat(verdict.finding()).isEqualTo(Finding.GROWING);
		assertThat(verdict.grounds()).isEqualTo(Grounds.PERSISTED);
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.CONFIRMED);
		assertThat(verdict.severity()).isEqualTo(Severity.HOURS);
		assertThat(verdict.growthPerMinute()).isCloseTo(28 * MB, org.assertj.core.data.Percentage.withPercentage(5));
	}

	@Test
	void aConfirmedPaceShouldNotBeDrawnOnFurtherThanTheRoundMeasured() {
		// A bounded cache on a 6 GiB heap, as the soak saw it: live histograms at 5-6 min
		// measure 114 MiB/min; the cache is full at 20 min, but each insert then evicts an
		// entry into the old generation, so the heap after young collections climbs on.
		for (int i = 0; i < 54; i++) {
			record(CollectionKind.YOUNG, 700 * MB + 65 * MB * i, MINUTE + i * 30_000L, false);
		}
		Confirmation confirmation = new Confirmation(Confirmation.Outcome.CONFIRMED, 6 * MINUTE, 2 * MINUTE,
				114 * MB, 974 * MB, List.of(new Point(5 * MINUTE, 859 * MB), new Point(11 * MINUTE / 2, 916 * MB),
						new Point(6 * MINUTE, 974 * MB)), 130 * MB, 1, true, 5 * MINUTE);
		Verdict measured = judge(SIX_GB, confirmation, 8 * MINUTE);
		assertThat(measured.finding()).as(measured.reason()).isEqualTo(Finding.FILLING);
		assertThat(measured.suspicion()).as("within what the round measured").isFalse();
		Verdict later = judge(SIX_GB, confirmation, 27 * MINUTE + MINUTE / 2);
		assertThat(later.leak()).as("the pace drawn on to 27 min would fill the heap within the span: %s",
				later.reason()).isFalse();
		assertThat(later.finding()).isEqualTo(Finding.FILLING);
		assertThat(later.suspicion()).as("measured again before a call rests on more").isTrue();
		assertThat(later.evidence().toMillis()).as("the line ends where the measurement reaches")
			.isEqualTo(10 * MINUTE);
		assertThat(later.reason()).as("what is missing is a new measurement").doesNotContain("called a leak once");
		assertThat(later.reason()).endsWith("; that pace is known to hold only until 17min ago, as far as what "
				+ "measured it reaches, so the live heap is measured again (by live histograms, or by the collector's "
				+ "own whole-heap collections) before it is called");
	}

	@Test
	void aPaceDrawnOnShouldNotMakeARiseUrgentWhereTheCollectorMeasuresTheFloorItself() {
		// The Parallel sawtooth probe (here a 220 MiB heap): an export buffer's tooth measured at
		// 7.2 MiB/min by live histograms at 4.5-5.5 min, 21 min from the heap's end as
		// measured; drawn on to 8 min, 19 min (URGENT), as the tooth flushes.
		HeapLimits limits = new HeapLimits(220 * MB, 40);
		Confirmation tooth = sawtoothRound();
		for (int i = 0; i < 24; i++) {
			record(CollectionKind.YOUNG, 40 * MB + 10 * MB * i / 3, 2 * MINUTE + i * 15_000L, false);
		}
		Verdict g1 = judge(limits, tooth, 8 * MINUTE);
		assertThat(g1.finding()).as("G1, where only rounds measure the floor: %s", g1.reason())
			.isEqualTo(Finding.FILLS_SOON);
		// Parallel's full collections come before the heap fills: the line stops at the round
		// until the collector (or another round) measures the floor again.
		this.history.collectedBy(true);
		Verdict parallel = judge(limits, tooth, 8 * MINUTE);
		assertThat(parallel.leak()).as(parallel.reason()).isFalse();
		assertThat(parallel.finding()).isEqualTo(Finding.FILLING);
		assertThat(parallel.suspicion()).as("measured again before it is called").isTrue();
		assertThat(parallel.evidence().toMillis()).as("the line ends at the round").isEqualTo(tooth.atMillis());
		// Urgent as measured, it is called at once on any collector.
		Confirmation fast = new Confirmation(Confirmation.Outcome.CONFIRMED, 331_000, 2 * MINUTE, 20 * MB, 80 * MB,
				List.of(new Point(270_000, 60 * MB), new Point(301_000, 70 * MB), new Point(331_000, 80 * MB)),
				25 * MB, 1, true, 270_000);
		assertThat(judge(limits, fast, 8 * MINUTE).finding()).isEqualTo(Finding.FILLS_SOON);
		// A full collection of the collector's own on the line since measures it: urgent
		// where that floor reaches, it is called.
		record(CollectionKind.FULL, 80 * MB, 7 * MINUTE + 31_000, false);
		Verdict measuredAgain = judge(limits, tooth, 8 * MINUTE);
		assertThat(measuredAgain.finding()).as(measuredAgain.reason()).isEqualTo(Finding.FILLS_SOON);
	}

	private static Confirmation sawtoothRound() {
		return new Confirmation(Confirmation.Outcome.CONFIRMED, 331_000, 2 * MINUTE, 7 * MB + MB / 5, 66 * MB,
				List.of(new Point(270_000, 59 * MB), new Point(301_000, 63 * MB), new Point(331_000, 66 * MB)), 10 * MB,
				1, true, 270_000);
	}

	@Test
	void aClimbConfirmedTwiceWithTheFloorRisingBetweenShouldBeOneClimb() {
		// A slow leak (about 1 MiB/min) measured by two rounds 45 min apart.
		Confirmation first = confirmation(164 * MB, 20 * MINUTE, 61 * MB / 60, 5 * MINUTE);
		Confirmation second = confirmation(209 * MB, 65 * MINUTE, 58 * MB / 60, 60 * MINUTE);
		Confirmation chained = this.analyzer.chained(first, second);
		assertThat(chained.liveFromMillis()).as("retained since the first round's climb began").isEqualTo(5 * MINUTE);
		assertThat(chained.liveFloors()).hasSize(6);
		assertThat(chained.livePerMinute()).isCloseTo(MB, org.assertj.core.data.Percentage.withPercentage(10));
		// A cache that filled up in between: the second round rises, far below the first's line.
		Confirmation full = confirmation(170 * MB, 65 * MINUTE, 58 * MB / 60, 60 * MINUTE);
		assertThat(this.analyzer.chained(first, full)).isSameAs(full);
		// A batch that landed in between: far above both rounds' pace.
		Confirmation jumped = confirmation(400 * MB, 65 * MINUTE, 58 * MB / 60, 60 * MINUTE);
		assertThat(this.analyzer.chained(first, jumped)).isSameAs(jumped);
		assertThat(this.analyzer.chained(null, second)).isSameAs(second);
		Confirmation refuted = new Confirmation(Confirmation.Outcome.REFUTED, first.atMillis(), first.climbFromMillis(),
				0, first.liveLevel(), first.liveFloors(), first.youngPerMinute(), 0, true, first.liveFromMillis());
		assertThat(this.analyzer.chained(refuted, second)).as("only confirmed rounds chain").isSameAs(second);
		// A third round keeps the latest floors, a bounded number of them.
		Confirmation third = confirmation(254 * MB, 110 * MINUTE, 60 * MB / 60, 105 * MINUTE);
		Confirmation longer = this.analyzer.chained(chained, third);
		assertThat(longer.liveFromMillis()).isEqualTo(5 * MINUTE);
		assertThat(longer.liveFloors()).hasSize(TrendAnalyzer.MAX_CHAINED_FLOORS);
		Confirmation fourth = confirmation(299 * MB, 155 * MINUTE, 60 * MB / 60, 150 * MINUTE);
		assertThat(this.analyzer.chained(longer, fourth).liveFloors()).hasSize(TrendAnalyzer.MAX_CHAINED_FLOORS)
			.last()
			.isEqualTo(new Point(155 * MINUTE, 299 * MB));
	}

	/** A round of three live floors a minute apart ending at a level, confirmed. */
	private static Confirmation confirmation(long level, long atMillis, long perMinute, long climbFromMillis) {
		List<Point> floors = List.of(new Point(atMillis - 2 * MINUTE, level - 2 * perMinute),
				new Point(atMillis - MINUTE, level - perMinute), new Point(atMillis, level));
		return new Confirmation(Confirmation.Outcome.CONFIRMED, atMillis, climbFromMillis, perMinute, level, floors,
				3 * MB, 1, true, atMillis - 2 * MINUTE);
	}

	@Test
	void aRefutedClimbShouldBeStableWithTheLiveFloors() {
		for (int i = 0; i < 30; i++) {
			record(CollectionKind.YOUNG, 100 * MB + 30 * MB * i, 2 * MINUTE + i * 15_000L, false);
		}
		Confirmation refuted = new Confirmation(Confirmation.Outcome.REFUTED, 9 * MINUTE, 2 * MINUTE, 0, 90 * MB,
				List.of(new Point(8 * MINUTE, 90 * MB), new Point(9 * MINUTE, 90 * MB)), 120 * MB, 0, true,
				8 * MINUTE);
		Verdict verdict = judge(SIX_GB, refuted, 9 * MINUTE + 30_000);
		assertThat(verdict.finding()).isEqualTo(Finding.REFUTED);
		assertThat(verdict.status()).isEqualTo(TrendStatus.STABLE);
		assertThat(verdict.facts().liveFloors()).containsExactly(90 * MB, 90 * MB);
	}

	@Test
	void wholeHeapCollectionsNearTheLimitShouldBePressure() {
		for (int i = 0; i < 6; i++) {
			record(CollectionKind.FULL, 980 * MB, 3 * MINUTE + i * 1000L, false);
		}
		Verdict verdict = judge(new HeapLimits(1024 * MB, 40), null, 4 * MINUTE);
		assertThat(verdict.finding()).isEqualTo(Finding.PRESSURE);
		assertThat(verdict.severity()).isEqualTo(Severity.MINUTES);
	}

	@Test
	void forcedCollectionsShouldNotCountAsPressure() {
		// Back-to-back full collections of live snapshots and System.gc() on a full-ish heap.
		for (int i = 0; i < 6; i++) {
			record(CollectionKind.FULL, 980 * MB, 3 * MINUTE + i * 1000L, true);
		}
		assertThat(judge(new HeapLimits(1024 * MB, 40), null, 4 * MINUTE).finding()).isNotEqualTo(Finding.PRESSURE);
	}

	@Test
	void backToBackFullCollectionsShouldBeJudgedAgainstTheRealMinHeapFreeRatio() {
		// 90% of the committed heap in use: with MinHeapFreeRatio=40 the JVM would have grown
		// the heap (it cannot, so pressure); with 10 (the aggressive preset) it keeps 10% free.
		for (int i = 0; i < 6; i++) {
			this.history.record(new HeapAfterGc(3 * MINUTE + i * 1000L, CollectionKind.FULL, 450 * MB, 500 * MB));
		}
		assertThat(judge(new HeapLimits(1024 * MB, 40), null, 4 * MINUTE).finding()).isEqualTo(Finding.PRESSURE);
		assertThat(judge(new HeapLimits(1024 * MB, 10), null, 4 * MINUTE).finding()).isNotEqualTo(Finding.PRESSURE);
	}

	@Test
	void userSnapshotsShouldAddFloorPointsWithoutResettingTheClimb() {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long at = 2 * MINUTE + i * 15_000L;
			times.add(at);
			boolean snapshot = i == 20 || i == 24;
			record(snapshot ? CollectionKind.FULL : CollectionKind.YOUNG,
					snapshot ? 60 * MB + 10 * MB * i : 100 * MB + 20 * MB * i, at, snapshot);
		}
		Verdict verdict = judge(SIX_GB, null, times.get(times.size() - 1));
		assertThat(verdict.suspicion() || verdict.leak()).as(verdict.reason()).isTrue();
		assertThat(verdict.evidence().basis()).isIn(Basis.YOUNG_TREND, Basis.CONFIRMED);
		assertThat(verdict.evidence().spanMillis()).as("the climb since before the snapshots")
			.isGreaterThan(5 * MINUTE);
	}

	@Test
	void nothingAfterTheWarmUpShouldSaySo() {
		Verdict verdict = judge(SIX_GB, null, MINUTE);
		assertThat(verdict.finding()).isEqualTo(Finding.WARMING_UP);
		for (int i = 0; i < 3; i++) {
			record(CollectionKind.YOUNG, 100 * MB, 3 * MINUTE + i * 1000L, false);
		}
		assertThat(judge(SIX_GB, null, 4 * MINUTE).finding()).isEqualTo(Finding.NEEDS_OBSERVATIONS);
	}

	@Test
	void aFullCollectionsFloorAboveWhereTheClimbBeganShouldRaiseASuspicionWhileFresh() {
		// Serial on 256 MiB: promotions climb 36 MiB/min from 85 MiB, the collector's first
		// full collection finds 123 MiB still live at 4.5 min.
		long limit = 247 * MB;
		List<Point> young = new ArrayList<>();
		for (long at = 2 * MINUTE; at < 270_000; at += 12_000) {
			young.add(new Point(at, 85 * MB + 36 * MB * (at - 2 * MINUTE) / MINUTE));
		}
		List<Point> floors = List.of(new Point(270_000, 123 * MB));
		Window climb = this.analyzer.floorAboveClimb(floors, young, null, limit, 280_000);
		assertThat(climb).isNotNull();
		assertThat(climb.start()).as("the lowest upper bound 2 to 4 min before")
			.isCloseTo(85.0 * MB, org.assertj.core.data.Offset.offset(1.0));
		assertThat(climb.perMinute()).as("at least the floor's pace").isBetween(15.0 * MB, 16.0 * MB);
		assertThat(climb.untilLimit()).isLessThan(TrendSettings.URGENT.toMillis());
		assertThat(this.analyzer.floorAboveClimb(floors, young, null, limit, 270_000 + 2 * MINUTE + 1))
			.as("a min-evidence span later")
			.isNull();
		assertThat(this.analyzer.floorAboveClimb(List.of(new Point(200_000, 110 * MB), new Point(270_000, 123 * MB)),
				young, null, limit, 280_000))
			.as("floors measured it already")
			.isNull();
		assertThat(this.analyzer.floorAboveClimb(floors, young, confirmation(120 * MB, 250_000, 10 * MB, 120_000),
				limit, 280_000))
			.as("a round measured it lately")
			.isNull();
		assertThat(this.analyzer.floorAboveClimb(floors, young, null, 6144 * MB, 280_000))
			.as("on 6 GiB the rise is under a percent of the heap")
			.isNull();
		assertThat(this.analyzer.floorAboveClimb(floors, young, null, 1024 * MB, 280_000))
			.as("on 1 GiB it is a rise worth measuring, but fills the heap in an hour")
			.isNull();
		// A sawtooth: the collector clears the promoted garbage back to where the climb began.
		assertThat(this.analyzer.floorAboveClimb(List.of(new Point(270_000, 86 * MB)), young, null, limit, 280_000))
			.isNull();
	}

	@Test
	void aFullCollectionsFloorAboveTheClimbShouldBeWordedAsWhatItMeasured() {
		HeapLimits small = new HeapLimits(247 * MB, 40);
		for (long at = 2 * MINUTE; at < 270_000; at += 24_000) {
			// Promotions that come and go: no steady climb after young collections.
			record(CollectionKind.YOUNG, ((at / 24_000) % 2 == 0) ? 85 * MB : 160 * MB, at, false);
		}
		record(CollectionKind.FULL, 123 * MB, 270_000, false);
		Verdict verdict = judge(small, null, 280_000);
		assertThat(verdict.finding()).as(verdict.reason()).isEqualTo(Finding.CONFIRMING);
		assertThat(verdict.suspicion()).isTrue();
		assertThat(verdict.evidence().basis()).isEqualTo(Basis.FLOOR_ABOVE_CLIMB);
		assertThat(verdict.reason()).startsWith("The floor a whole-heap collection measured, 123.0 MiB, is 38.0 MiB "
				+ "above the heap young collections left");
		// A round that refutes it must cover the climb after young collections, not only the floor's pace.
		assertThat(verdict.facts().youngPerMinute()).isGreaterThanOrEqualTo(verdict.growthPerMinute());
	}

	private Verdict suspicion(long perMinute) {
		Window climb = Window.of(List.of(new Point(0, 100 * MB), new Point(60_000, 100 * MB + perMinute),
				new Point(120_000, 100 * MB + 2 * perMinute)), 6144 * MB, true);
		return new Verdict(Resource.HEAP, Finding.CONFIRMING, perMinute, null, null, null,
				Evidence.of(Basis.YOUNG_TREND, climb, List.of("YOUNG")), Verdict.Facts.of(TrendSettings.defaults()),
				true, 120_000);
	}

	/** A ZGC cycle's end and, reported before it, the pauses it made. */
	private static void zgcCycle(GcHistory history, long at, long used) {
		// Recorded pauses come within half a second before the cycle's end, and report no heap.
		history.record(new HeapAfterGc(at - 400, CollectionKind.OTHER, 0, 1024 * MB, false));
		history.record(new HeapAfterGc(at - 200, CollectionKind.OTHER, 0, 1024 * MB, false));
		history.record(new HeapAfterGc(at, CollectionKind.CONCURRENT, used, 1024 * MB, false));
	}

	private Verdict judge(HeapLimits limits, Confirmation confirmation, long now) {
		return this.analyzer.judgeHeap(this.history.snapshot(), limits, confirmation, true, now);
	}

	private void record(CollectionKind kind, long used, long at, boolean forced) {
		this.history.record(new HeapAfterGc(at, kind, used, Math.max(2048 * MB, 2 * used), forced));
	}

}
