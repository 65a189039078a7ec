package io.leaks.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.leaks.histogram.ClassHistogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch over a simulated G1 service, judged at every interval as production judges.
 */
@Tag("core")
class LeakWatchTests {

	static final long MB = 1024 * 1024;

	static final long GB = 1024 * MB;

	@Test
	void aLeakOnADefaultSizedHeapShouldRaiseOneEventNamingItsClassWithinTenMinutes() {
		SimulatedRun run = new SimulatedRun(11, SimulatedJvm.Collector.G1, 6 * GB,
				Scenarios.leak(60 * MB, 28 * MB, 60_000), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(30));
		assertThat(run.firstEventAt).as(String.join("\n", run.reasons)).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
		List<LeakSuspectedEvent> events = run.events.stream()
			.filter(LeakSuspectedEvent.class::isInstance)
			.map(LeakSuspectedEvent.class::cast)
			.toList();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.getResource()).isEqualTo("heap");
			assertThat(event.getSuspects()).first()
				.satisfies((suspect) -> assertThat(suspect.className()).isEqualTo("com.example.Scenario$Retained"));
			assertThat(event.getSeverity()).isEqualTo(Severity.HOURS);
			assertThat(event.getFinding().leak()).isTrue();
			assertThat(event.getProjectedExhaustion()).isNotNull();
		});
		assertThat(run.forced()).as("one round of live histograms").isEqualTo(3);
		assertThat(run.watch.report().forced().get(io.leaks.gc.ForcedCollections.Reason.HISTOGRAM)).isEqualTo(3);
	}

	@Test
	void aLeakOnceCalledShouldStayALeakAtEveryJudgementWhileItGoesOn() {
		// On a big heap young collections are few: the climb after them is measured again
		// and again, and a judgement that only waits for that must not make the status flap.
		for (long seed = 1; seed <= 6; seed++) {
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 6 * GB,
					Scenarios.leak(60 * MB, 25 * MB, 60_000), SimulatedRun.defaults(), (jvm) -> {
						// A quiet service: a young collection every minute or so, as on the
						// demo app with the JVM's default heap.
						jvm.allocationPerSecond = 4 * MB;
						jvm.promotedPerSecond = 0.2 * MB;
						jvm.eden = 256 * MB;
					}).run(Duration.ofMinutes(45));
			int first = run.heapFindings.indexOf(run.heapFindings.stream().filter(Finding::leak).findFirst().orElseThrow());
			assertThat(run.heapFindings.subList(first, run.heapFindings.size())).as("seed %d:%n%s", seed,
					String.join("\n", run.reasons)).allMatch(Finding::leak);
		}
	}

	@Test
	void aPaceOneRoundConfirmedShouldBeMeasuredAgainBeforeALaterCallRestsOnIt() {
		// The soak's bounded cache on a default heap: one round measures it filling; once
		// full, each insert evicts an entry into the old generation, so the heap after young
		// collections climbs on (under Parallel no old collection comes before about 34 min).
		// Past what the round can vouch for, the pace is measured again when the budget allows
		// (here 3 forced collections per 20 min) instead of being drawn on: the full cache is flat.
		WatchSettings settings = SimulatedRun.defaults().withBudget(3, Duration.ofMinutes(20));
		for (long seed = 1; seed <= 4; seed++) {
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.PARALLEL, 6 * GB,
					Scenarios.boundedCache(60 * MB, (long) (0.4 * 6 * GB), 60_000, 20 * 60_000), settings,
					(jvm) -> {
						jvm.promotedPerSecond = 0.2 * MB;
						jvm.cacheInsertsPerSecond = 0.4 * 6 * GB / (20 * 60.0);
					}).run(Duration.ofMinutes(32));
			String what = "seed " + seed + ":\n" + String.join("\n", run.reasons);
			assertThat(run.anyLeak()).as(what).isFalse();
			assertThat(run.reasons).as(what).anyMatch((reason) -> reason.contains("so the live heap is measured "
					+ "again (by live histograms, or by the collector's own whole-heap collections) before it is called"));
			assertThat(run.forced()).as("a second round: %s", what).isEqualTo(6);
			Confirmation last = run.watch.report().lastConfirmation();
			assertThat(last).as(what).isNotNull();
			assertThat(last.confirmed()).as("the full cache measured again: %s", what).isFalse();
		}
	}

	@Test
	void withoutHistogramsAClimbAfterYoungCollectionsShouldSayWhatIsMissing() {
		WatchSettings settings = SimulatedRun.defaults().withHistograms(false, 3, null, Duration.ofMinutes(15));
		SimulatedRun run = new SimulatedRun(12, SimulatedJvm.Collector.G1, 6 * GB,
				Scenarios.leak(60 * MB, 28 * MB, 60_000), settings, (jvm) -> {
				}).run(Duration.ofMinutes(15));
		assertThat(run.forced()).isZero();
		assertThat(run.heapFindings).contains(Finding.NEEDS_OLD_COLLECTION).doesNotContain(Finding.CONFIRMING);
		assertThat(run.watch.report().heap().verdict().reason()).contains("live histograms cannot measure");
	}

	@Test
	void theWatchShouldNeverForceMoreCollectionsThanItsBudget() {
		// Young collections keep climbing and old ones keep refuting it, for hours.
		SimulatedRun run = new SimulatedRun(13, SimulatedJvm.Collector.G1, 6 * GB, Scenarios.flat(300 * MB),
				SimulatedRun.defaults(), (jvm) -> jvm.promotedPerSecond = 0.4 * MB).run(Duration.ofHours(4));
		List<Long> forced = run.jvm.forced();
		for (long at : forced) {
			long within = forced.stream().filter((other) -> other > at - 3_600_000L && other <= at).count();
			assertThat(within).as("forced within the hour before %d", at).isLessThanOrEqualTo(3);
		}
		assertThat(run.anyLeak()).isFalse();
	}

	@Test
	void aLeakCalledWithinTheHourOfAnEarlyRoundShouldStillBeNamed() {
		// A probe's case (parallel-17-512m-late-onset-leak): a round at start-up spends the
		// hour's budget on promoted garbage; a leak starting at 20 min is called on the
		// collector's own floors within that hour, and its event must still name its class.
		for (long seed = 1; seed <= 4; seed++) {
			long onset = 20 * 60_000L;
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.PARALLEL, 512 * MB,
					Scenarios.leak(60 * MB, 14 * MB, onset), SimulatedRun.defaults(),
					(jvm) -> jvm.promotedPerSecond = 0.4 * MB).run(Duration.ofMinutes(50));
			String what = "seed " + seed + ":\n" + String.join("\n", run.reasons);
			List<Long> forced = run.jvm.forced();
			assertThat(forced).as("a round before the onset: %s", what).anyMatch((at) -> at < onset);
			assertThat(forced).as(what).hasSizeGreaterThanOrEqualTo(6);
			assertThat(forced.get(5)).as("named within the hour of the early round: %s", what)
				.isLessThan(forced.get(0) + 3_600_000L);
			assertThat(run.firstEventAt).as(what).isGreaterThan(onset);
			LeakSuspectedEvent event = run.events.stream()
				.filter(LeakSuspectedEvent.class::isInstance)
				.map(LeakSuspectedEvent.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(event.getSuspects()).as(what)
				.first()
				.satisfies((suspect) -> assertThat(suspect.className()).isEqualTo("com.example.Scenario$Retained"));
			assertThat(run.watch.report().forced().get(io.leaks.gc.ForcedCollections.Reason.HISTOGRAM))
				.as("the early round and the naming one: %s", what)
				.isEqualTo(6);
		}
	}

	@Test
	void namingBeyondTheBudgetShouldHappenOncePerPeriod() {
		// Rises that are called and then released, one after the other: the first call's
		// naming may go beyond the budget, the next ones within the hour wait for it.
		long minute = 60_000L;
		java.util.function.LongUnaryOperator bursts = (t) -> {
			long phase = t % (16 * minute);
			return 60 * MB + ((t >= 12 * minute && phase >= 4 * minute && phase < 12 * minute)
					? (long) (30.0 * MB * (phase - 4 * minute) / minute) : 0);
		};
		for (long seed = 1; seed <= 4; seed++) {
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.PARALLEL, 512 * MB, bursts,
					SimulatedRun.defaults(), (jvm) -> jvm.promotedPerSecond = 0.4 * MB).run(Duration.ofMinutes(75));
			String what = "seed " + seed + ":\n" + String.join("\n", run.reasons);
			long events = run.events.stream().filter(LeakSuspectedEvent.class::isInstance).count();
			assertThat(events).as("calls: %s", what).isGreaterThanOrEqualTo(2);
			List<Long> forced = run.jvm.forced();
			for (long at : forced) {
				long within = forced.stream().filter((other) -> other > at - 3_600_000L && other <= at).count();
				assertThat(within).as("forced within the hour before %d: %s", at, what).isLessThanOrEqualTo(6);
			}
		}
	}

	@Test
	void anErrorInALiveHistogramShouldEndTheRoundAsAFailure() {
		AtomicInteger calls = new AtomicInteger();
		GcHistory history = new GcHistory();
		GcEventRecorder recorder = new GcEventRecorder(history, 64);
		SimulatedJvm jvm = new SimulatedJvm(14, SimulatedJvm.Collector.G1, 6 * GB,
				Scenarios.leak(60 * MB, 28 * MB, 60_000), recorder);
		LiveHistograms failing = new LiveHistograms() {
			@Override
			public boolean isAvailable() {
				return true;
			}

			@Override
			public ClassHistogram capture() {
				if (calls.incrementAndGet() == 2) {
					throw new OutOfMemoryError("Java heap space");
				}
				return jvm.capture();
			}
		};
		LeakWatch watch = LeakWatch.builder(SimulatedRun.defaults(), history)
			.memory(jvm)
			.histograms(failing)
			.clock(jvm::now, 0)
			.build();
		boolean failed = false;
		for (long t = 30_000; t <= Duration.ofMinutes(20).toMillis(); t += 30_000) {
			jvm.advanceTo(t);
			watch.tick();
			failed |= watch.report().lastRoundFailure() != null;
		}
		assertThat(calls).hasValueGreaterThanOrEqualTo(2);
		assertThat(failed).isTrue();
		assertThat(watch.report().round()).as("no round stuck").isNull();
		assertThat(watch.report().at()).isEqualTo(watch.instant(Duration.ofMinutes(20).toMillis()));
	}

	@Test
	void suspicionActionsShouldRunOnTheirOwnThreadAndTheirNotesReachTheEvent() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor((task) -> new Thread(task, "leaks-suspicion"));
		try {
			AtomicReference<String> thread = new AtomicReference<>();
			SuspicionAction dump = (resource) -> {
				thread.set(Thread.currentThread().getName());
				return "heap dump heapdump-1.hprof";
			};
			GcHistory history = new GcHistory();
			GcEventRecorder recorder = new GcEventRecorder(history, 64);
			SimulatedJvm jvm = new SimulatedJvm(15, SimulatedJvm.Collector.PARALLEL, 512 * MB,
					Scenarios.leak(60 * MB, 40 * MB, 60_000), recorder);
			List<Object> events = new ArrayList<>();
			LeakWatch watch = LeakWatch.builder(SimulatedRun.defaults(), history)
				.memory(jvm)
				.histograms(jvm)
				.actions(new SuspicionActions(List.of(dump), executor))
				.publisher(events::add)
				.clock(jvm::now, 0)
				.build();
			for (long t = 30_000; t <= Duration.ofMinutes(12).toMillis() && events.isEmpty(); t += 30_000) {
				jvm.advanceTo(t);
				watch.tick();
				Thread.sleep(20);
			}
			assertThat(thread.get()).isEqualTo("leaks-suspicion");
			assertThat(events).as("%s", events).singleElement()
				.satisfies((event) -> assertThat(((LeakSuspectedEvent) event).getNotes())
					.containsExactly("heap dump heapdump-1.hprof"));
		}
		finally {
			executor.shutdownNow();
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void liveSnapshotsAndCollectionsRequestedDuringALeakShouldNotDelayTheEventByMoreThanOneInterval() {
		long undisturbed = eventTime((run) -> {
		});
		long disturbed = eventTime((run) -> {
			long t = run.jvm.now();
			// The README's checklist: two live snapshots, then POST /gc.
			if (t == 4 * 60_000 || t == 5 * 60_000) {
				run.jvm.forceFullCollection("Heap Inspection Initiated GC");
			}
			if (t == 6 * 60_000) {
				run.jvm.forceFullCollection("System.gc()");
			}
		});
		assertThat(undisturbed).isPositive();
		assertThat(disturbed).as(this.lastReasons).isPositive().isLessThanOrEqualTo(undisturbed + 30_000);
	}

	private String lastReasons = "";

	private long eventTime(java.util.function.Consumer<SimulatedRun> each) {
		SimulatedRun run = new SimulatedRun(16, SimulatedJvm.Collector.G1, 6 * GB,
				Scenarios.leak(60 * MB, 28 * MB, 60_000), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(20), each);
		this.lastReasons = String.join("\n", run.reasons);
		return run.firstEventAt;
	}

	@Test
	void aLeakThatStopsShouldBeClearedOnce() {
		// 40 MiB/min for 12 min on a Parallel 1 GiB heap, then nothing more is retained.
		SimulatedRun run = new SimulatedRun(17, SimulatedJvm.Collector.PARALLEL, GB,
				(t) -> 60 * MB + 40 * MB * Math.min(t, 13 * 60_000) / 60_000, SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(60));
		assertThat(run.events.stream().filter(LeakSuspectedEvent.class::isInstance)).hasSize(1);
		assertThat(run.events.stream().filter(LeakClearedEvent.class::isInstance)).hasSize(1);
		assertThat(run.watch.report().heap().leak()).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aLeakOnARoundsFirstFloorsShouldWaitForItsLastAndNeverShowWhenThatOneDoesNotBearItOut(CapturedOutput output) {
		// The fifth soak's batch, on a default-sized heap: an import loading 35% of the heap
		// in 3 minutes, held 2 minutes, released. The floors measured by the time of a
		// round's first histogram rose at a pace that fills the heap soon; the import
		// finished loading before the round's last floor, which stood still: the whole round
		// no longer calls it. (The seed is one
		// whose round falls so; the simulated ZGC measures the floor at every cycle.)
		// The watch's info lines say what a round found (logback-test.xml shows warnings only).
		Logger logger = (Logger) LoggerFactory.getLogger(LeakWatch.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		List<String> shown = new ArrayList<>();
		SimulatedRun run;
		try {
			run = importOnTheDefaultHeap().run(Duration.ofMinutes(45),
					(each) -> shown.add(each.watch.report().heap().verdict().reason()));
		}
		finally {
			logger.setLevel(level);
		}
		assertThat(output).as("measured floors called it while the round was under way")
			.contains("the heap's rise that called a leak while live histograms were under way stopped by their last");
		assertThat(shown).as("what /trend said meanwhile")
			.anyMatch((reason) -> reason.startsWith("The live heap rises ")
					&& reason.endsWith("; the round of live histograms under way calls it a leak or not when its last "
							+ "histogram is taken"));
		// Neither the status nor the gauge and the health (the leak state) ever said leak.
		assertThat(run.heapFindings).as(String.join("\n", run.reasons)).noneMatch(Finding::leak);
		assertThat(run.firstLeak).isEmpty();
		assertThat(run.events).noneMatch(LeakSuspectedEvent.class::isInstance);
	}

	@Test
	void aCallWaitingForItsRoundShouldBeMadeAsItStoodWhenTheRoundFails() {
		// The same import, but the heap walk of the round's last histogram fails: the round
		// cannot judge the call it kept, so the call is made then, as it stood, without
		// suspects, instead of being lost.
		SimulatedRun run = importOnTheDefaultHeap();
		run.jvm.failingCapture = (capture) -> capture == 3;
		run.run(Duration.ofMinutes(45));
		long failedAt = run.jvm.forced().get(2);
		assertThat(run.firstLeak(Resource.HEAP)).as(String.join("\n", run.reasons)).isEqualTo(failedAt);
		assertThat(run.firstEventAt).isEqualTo(failedAt);
		LeakSuspectedEvent event = run.events.stream()
			.filter(LeakSuspectedEvent.class::isInstance)
			.map(LeakSuspectedEvent.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(event.getSuspects()).isEmpty();
		assertThat(event.getNotes()).anyMatch((note) -> note.startsWith("No suspects named: live histograms failed"));
	}

	@Test
	void aCallWhoseSuspectsAnEarlierRoundNamedShouldNotWaitForTheRoundUnderWay() {
		// A slow leak on a Parallel heap: the first round confirmed it and named the class
		// while it was still filling; the floors measured as the second round begins call
		// it. The suspects are known, so the event comes at once, before that round's end.
		SimulatedRun run = new SimulatedRun(1, SimulatedJvm.Collector.PARALLEL, GB, Scenarios.leak(150 * MB, 6 * MB, 0),
				SimulatedRun.defaults(), (jvm) -> jvm.promotedPerSecond = 0.1 * MB)
			.run(Duration.ofMinutes(180));
		List<Long> forced = run.jvm.forced();
		assertThat(forced).as("two rounds").hasSize(6);
		assertThat(run.firstEventAt).as(String.join("\n", run.reasons))
			.isGreaterThan(forced.get(3))
			.isLessThan(forced.get(5));
	}

	/** The fifth soak's batch as the simulated ZGC sees it, with a seed whose round falls so. */
	private static SimulatedRun importOnTheDefaultHeap() {
		return SimulatedRun.importOnTheDefaultHeap(11, SimulatedJvm.Collector.ZGC, 10 * 60_000);
	}

	@Test
	void whileARoundMeasuresASuspicionTheHeapShouldShowThatSuspicionAtEveryJudgement() {
		// The listener leak at test settings with a young collection every 50 s: three raise
		// the suspicion, and the round's own forced collections then sit among them, which
		// made the heap read "no significant rise" for a judgement before the round called it.
		for (long seed = 1; seed <= 12; seed++) {
			List<Finding> duringRounds = new ArrayList<>();
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
					Scenarios.leak(45 * MB, 20 * MB, 10_000), SimulatedRun.testSettings(),
					TrendPropertiesTests.sparse(50_000))
				.run(Duration.ofMinutes(5), (each) -> {
					TrendReport report = each.watch.report();
					if (report.round() != null && "confirm".equals(report.round().purpose())) {
						duringRounds.add(report.heap().verdict().finding());
					}
				});
			assertThat(duringRounds).as("seed %d: the heap's findings while a round confirmed%n%s", seed,
					String.join("\n", run.reasons))
				.isNotEmpty()
				.allMatch((finding) -> finding == Finding.CONFIRMING || finding.leak());
			assertThat(run.firstEventAt).as("seed %d", seed).isPositive();
		}
	}

	@Test
	void theReportShouldSayNotJudgedBeforeTheFirstTick() {
		LeakWatch watch = LeakWatch.builder(SimulatedRun.defaults(), new GcHistory()).build();
		assertThat(watch.report().heap().verdict().finding()).isEqualTo(Finding.NOT_JUDGED);
		assertThat(watch.report().resources()).extracting(TrendReport.ResourceState::type)
			.containsExactly(Resource.values());
	}

}
