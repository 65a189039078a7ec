package io.leaks.trend;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistical claims over many random seeds, each service judged at every interval as
 * production judges it, at the starter's defaults: healthy services never reach the leak
 * verdict and stay within the budget of forced collections (none at all when idle or
 * idle); leaks are called, with at least 40% of their time to exhaustion ahead (stepwise
 * leaks on a collector without whole-heap collections: 10%). Each case is a pure
 * simulation, so the cases run side by side (junit-platform.properties).
 */
@Tag("core")
class TrendPropertiesTests {

	static final long MB = 1024 * 1024;

	static final long GB = 1024 * MB;

	static final long MINUTE = 60_000;

	static final int SEEDS = 12;

	static Stream<Arguments> healthy() {
		return Stream.of(
				healthy("flat", 2 * GB, Scenarios.flat(300 * MB), 0.5, false),
				healthy("bounded cache filling 40% of the free heap over 20 min", 6 * GB,
						Scenarios.boundedCache(60 * MB, (long) (0.4 * 6 * GB), MINUTE, 20 * MINUTE), 0.2, false),
				// Full, it evicts an entry at each insert: promoted, the evicted ones keep the
				// heap after young collections climbing as it did while it filled.
				healthy("bounded cache evicting into the old generation on a default heap", 6 * GB,
						Scenarios.boundedCache(60 * MB, (long) (0.4 * 6 * GB), MINUTE, 20 * MINUTE), 0.2, false,
						0.4 * 6 * GB / (20 * 60.0) / MB),
				// The fourth soak's: fast enough that, while it fills, it would fill the heap within
				// 20 min, but full 3 min after the warm-up, before the persist span (the fast
				// path's boundary, README): a round landing while it still fills must not be
				// drawn on past it.
				healthy("cache filling 30% of a default heap in 5 min from the start, evicting", 6 * GB,
						Scenarios.boundedCache(60 * MB, (long) (0.3 * 6 * GB), 0, 5 * MINUTE), 0.2, false,
						0.3 * 6 * GB / (5 * 60.0) / MB),
				healthy("bounded cache on a small heap", 512 * MB,
						Scenarios.boundedCache(60 * MB, 180 * MB, MINUTE, 20 * MINUTE), 0.2, false),
				// Promoted garbage makes the heap after young collections climb like a leak
				// between old collections: a round of live histograms may be spent on it.
				healthy("old-generation sawtooth", 6 * GB, Scenarios.flat(200 * MB), 20, false),
				healthy("diurnal load cycle", 1 * GB, Scenarios.diurnal(150 * MB, 150 * MB, 60 * MINUTE), 0.5, false),
				healthy("one-off batch released", 1 * GB, Scenarios.batch(150 * MB, 300 * MB, 10 * MINUTE, 25 * MINUTE),
						0.5, false),
				healthy("idle", 6 * GB, Scenarios.flat(50 * MB), 0, true));
	}

	static Stream<Arguments> healthyOnEveryCollector() {
		return onEveryCollector(healthy());
	}

	static Stream<Arguments> leaksOnEveryCollector() {
		return onEveryCollector(leaks());
	}

	/** Each case once per collector (after its name), so that the cases can run side by side. */
	private static Stream<Arguments> onEveryCollector(Stream<Arguments> cases) {
		return cases.flatMap((arguments) -> Stream.of(SimulatedJvm.Collector.values()).map((collector) -> {
			Object[] values = arguments.get();
			Object[] withCollector = new Object[values.length + 1];
			withCollector[0] = values[0];
			withCollector[1] = collector;
			System.arraycopy(values, 1, withCollector, 2, values.length - 1);
			return Arguments.of(withCollector);
		}));
	}

	private static Arguments healthy(String name, long heap, LongUnaryOperator live, double promotedMbPerSecond,
			boolean noForcedCollections) {
		return healthy(name, heap, live, promotedMbPerSecond, noForcedCollections, 0);
	}

	private static Arguments healthy(String name, long heap, LongUnaryOperator live, double promotedMbPerSecond,
			boolean noForcedCollections, double cacheInsertsMbPerSecond) {
		return Arguments.of(name, heap, live, promotedMbPerSecond, noForcedCollections, cacheInsertsMbPerSecond);
	}

	@Execution(ExecutionMode.CONCURRENT)
	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("healthyOnEveryCollector")
	void healthyServicesShouldNeverBeCalledLeakingAndStayWithinTheBudget(String name, SimulatedJvm.Collector collector,
			long heap, LongUnaryOperator live, double promotedMbPerSecond, boolean noForcedCollections,
			double cacheInsertsMbPerSecond) {
		for (long seed = 1; seed <= SEEDS; seed++) {
			SimulatedRun run = new SimulatedRun(seed, collector, heap, live, SimulatedRun.defaults(), (jvm) -> {
				jvm.promotedPerSecond = promotedMbPerSecond * MB;
				jvm.cacheInsertsPerSecond = cacheInsertsMbPerSecond * MB;
				if (promotedMbPerSecond == 0) {
					jvm.allocationPerSecond = 0.2 * MB;
				}
			}).run(Duration.ofMinutes(90));
			String what = name + ", " + collector + ", seed " + seed;
			assertThat(run.firstLeak).as("%s:%n%s", what, String.join("\n", run.reasons)).isEmpty();
			assertThat(forcedWithin(run, 45 * MINUTE)).as("%s: forced collections in 45 min", what)
				.isLessThanOrEqualTo(noForcedCollections ? 0 : 3);
		}
	}

	/**
	 * The same healthy services on G1 with young collections about every 70 s (1.5 MiB of
	 * garbage a second through a 105 MiB eden, a quiet service on a large young generation):
	 * too rare for five within the persist span (4 min at defaults), so a climb raises a
	 * suspicion on three (SeriesJudgement.sparseClimb). The garbage promoted is scaled to
	 * what is allocated.
	 */
	@Execution(ExecutionMode.CONCURRENT)
	@ParameterizedTest(name = "{0}")
	@MethodSource("healthy")
	void healthyServicesWithSparseYoungCollectionsShouldNeverBeCalledLeaking(String name, long heap,
			LongUnaryOperator live, double promotedMbPerSecond, boolean noForcedCollections,
			double cacheInsertsMbPerSecond) {
		for (long seed = 1; seed <= SEEDS; seed++) {
			SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.G1, heap, live, SimulatedRun.defaults(),
					(jvm) -> {
						sparse(70_000).accept(jvm);
						jvm.promotedPerSecond = Math.min(promotedMbPerSecond, 20) / 40 * jvm.allocationPerSecond;
						jvm.cacheInsertsPerSecond = cacheInsertsMbPerSecond * MB;
					})
				.run(Duration.ofMinutes(90));
			String what = name + ", sparse young collections, seed " + seed;
			assertThat(run.firstLeak).as("%s:%n%s", what, String.join("\n", run.reasons)).isEmpty();
			assertThat(forcedWithin(run, 45 * MINUTE)).as("%s: forced collections in 45 min", what)
				.isLessThanOrEqualTo(noForcedCollections ? 0 : 3);
		}
	}

	static Stream<Arguments> leaks() {
		return Stream.of(
				leak("fast: fills 512 MiB in about 10 min", 512 * MB, Scenarios.leak(40 * MB, 45 * MB, 2 * MINUTE),
						25, true),
				leak("the demo's cache on a default heap", 6 * GB, Scenarios.leak(40 * MB, 28 * MB, MINUTE), 12, false),
				leak("a fresh app's 12 MiB/min on a default heap", 6 * GB, Scenarios.leak(40 * MB, 12 * MB, MINUTE), 20,
						false),
				leak("slow: MB per hour", 1 * GB, Scenarios.leak(150 * MB, 60 * MB / 60.0, 0), 100, false),
				// A round refuted before the onset doubles the cool-down, which delays the next.
				leak("late onset after 60 min", 2 * GB, Scenarios.leak(300 * MB, 15 * MB, 60 * MINUTE), 120, true, 0.4),
				// A round of live histograms sees one batch land at most, which it cannot tell
				// from a batch that is released later: called late, but before the heap fills.
				leak("stepwise batches leaving results behind", 1 * GB, Scenarios.stepwise(150 * MB, 25 * MB, 3 * MINUTE),
						90, true, 0.1));
	}

	private static Arguments leak(String name, long heap, LongUnaryOperator live, int minutes, boolean exhausts) {
		return leak(name, heap, live, minutes, exhausts, 0.4);
	}

	private static Arguments leak(String name, long heap, LongUnaryOperator live, int minutes, boolean exhausts,
			double lead) {
		return Arguments.of(name, heap, live, minutes, exhausts, lead);
	}

	@Execution(ExecutionMode.CONCURRENT)
	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("leaksOnEveryCollector")
	void leaksShouldBeCalledWithTimeToSpare(String name, SimulatedJvm.Collector collector, long heap,
			LongUnaryOperator live, int minutes, boolean exhausts, double leastLead) {
		for (long seed = 1; seed <= SEEDS; seed++) {
			SimulatedRun run = new SimulatedRun(seed, collector, heap, live, SimulatedRun.defaults(),
					(jvm) -> jvm.promotedPerSecond = 0.1 * MB)
				.run(Duration.ofMinutes(exhausts ? 240 : minutes));
			String what = name + ", " + collector + ", seed " + seed;
			long detected = run.firstLeak(Resource.HEAP);
			assertThat(detected).as("%s: called within %d min:%n%s", what, minutes, String.join("\n", run.reasons))
				.isPositive()
				.isLessThanOrEqualTo(minutes * MINUTE);
			if (run.exhaustedAt > 0) {
				long onset = onset(live);
				double lead = (double) (run.exhaustedAt - detected) / (run.exhaustedAt - onset);
				assertThat(lead).as("%s: share of the time to exhaustion still ahead", what).isGreaterThanOrEqualTo(leastLead);
			}
		}
	}

	/**
	 * Issue 9's listener leak at the test settings (5 s, 20 s, 60 s) on a 256 MiB G1 heap:
	 * about 20 MiB a minute from 10 s after start. The goal is the event within
	 * 180 s of the leak's start; this holds what the analyzer reaches, so that a change that
	 * makes it later fails. While G1 collects the young generation at least every 25 s (a
	 * fresh 256 MiB heap did every 5 to 30 s in the end-to-end runs), five young collections
	 * spanning the persist span (2 min here) raise the suspicion, the round's second
	 * histogram calls the leak and its third, which only names the class, comes one interval
	 * later: 155-185 s over every seed. When it collects every 30 s or more rarely (every 40 s
	 * on the CI machine), five of them cannot span the persist span: three over min-evidence
	 * raise the suspicion, and the round spreads its live histograms over the rest of the
	 * persist span, so that they measure whether it persists. Over 20 seeds and every spacing
	 * the event came 140 to 190 s after the leak's start (docs/benchmarks.md, "A round's
	 * conclusion counts the climb watched since"). The same service without the leak raises
	 * none, nor does one whose cache fills 30 MiB in 90 s (shorter than the persist span) and
	 * then stays, which spends at most one round.
	 */
	@Test
	void aListenerLeakAtTestSettingsShouldRaiseTheEventSoonWhereYoungCollectionsAreSparse() {
		long onset = 10_000;
		for (long seed = 1; seed <= SEEDS; seed++) {
			for (long spacing : new long[] { 10_000, 20_000, 25_000, 30_000, 40_000, 45_000, 50_000 }) {
				SimulatedRun leaking = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
						Scenarios.leak(45 * MB, 20 * MB, onset), SimulatedRun.testSettings(), sparse(spacing))
					.run(Duration.ofMinutes(6));
				String what = "young collections every " + spacing / 1000 + " s, seed " + seed;
				assertThat(leaking.firstEventAt - onset).as("%s: ms from the leak's start to the event%n%s", what,
						String.join("\n", leaking.reasons))
					.isPositive()
					.isLessThanOrEqualTo(190_000);
				LeakSuspectedEvent event = leaking.events.stream()
					.filter(LeakSuspectedEvent.class::isInstance)
					.map(LeakSuspectedEvent.class::cast)
					.findFirst()
					.orElseThrow();
				assertThat(event.getSuspects()).as("%s: the event's suspects", what)
					.first()
					.satisfies((suspect) -> assertThat(suspect.className()).isEqualTo("com.example.Scenario$Retained"));
				// The pace a round of live histograms a few seconds apart measured (15.4 to 25.5
				// MiB a minute over 20 seeds, docs/benchmarks.md); the end-to-end test holds the
				// same bound.
				assertThat(event.getGrowthPerMinute() / MB).as("%s: the event's MiB a minute", what)
					.isBetween(10.0, 30.0);
				SimulatedRun fixed = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
						Scenarios.flat(45 * MB), SimulatedRun.testSettings(), sparse(spacing))
					.run(Duration.ofMinutes(6));
				assertThat(fixed.firstEventAt).as("%s, fixed:%n%s", what, String.join("\n", fixed.reasons))
					.isNegative();
				SimulatedRun cache = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
						Scenarios.boundedCache(45 * MB, 30 * MB, onset, 90_000), SimulatedRun.testSettings(),
						sparse(spacing))
					.run(Duration.ofMinutes(20));
				assertThat(cache.firstLeak).as("%s, a cache filling 30 MiB in 90 s:%n%s", what,
						String.join("\n", cache.reasons))
					.isEmpty();
				assertThat(forcedWithin(cache, 20 * MINUTE)).as("%s, the cache's forced collections", what)
					.isLessThanOrEqualTo(3);
			}
		}
	}

	/**
	 * A round's second floor calls the leak on the climb watched so far (the young window
	 * that by then reaches back further than the round's suspicion did), and the round takes
	 * its last histogram one interval later only to name the class: the round's conclusion
	 * counts the same climb, so the event comes with that last histogram, not once the
	 * suspicion's own, shorter climb has persisted (it came up to 25 s later before).
	 */
	@Test
	void aRoundWhoseFloorsCalledTheLeakShouldRaiseTheEventWhenItEnds() {
		long onset = 10_000;
		long interval = SimulatedRun.testSettings().interval().toMillis();
		for (long seed = 1; seed <= SEEDS; seed++) {
			for (long spacing : new long[] { 10_000, 20_000, 25_000, 30_000, 40_000, 45_000, 50_000 }) {
				SimulatedRun leaking = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
						Scenarios.leak(45 * MB, 20 * MB, onset), SimulatedRun.testSettings(), sparse(spacing));
				java.util.List<Long> taken = new java.util.ArrayList<>();
				leaking.watch.addObserver(new WatchObserver() {
					@Override
					public void histogramTaken(long atMillis, String purpose, io.leaks.histogram.ClassHistogram histogram,
							long durationMillis) {
						taken.add(atMillis);
					}
				});
				leaking.run(Duration.ofMinutes(6));
				String what = "young collections every " + spacing / 1000 + " s, seed " + seed;
				long lastBefore = taken.stream().filter((at) -> at <= leaking.firstEventAt).mapToLong(Long::longValue)
					.max()
					.orElse(-1);
				assertThat(lastBefore).as("%s: a live histogram before the event at %d ms%n%s", what,
						leaking.firstEventAt, String.join("\n", leaking.reasons))
					.isPositive();
				assertThat(leaking.firstEventAt - lastBefore)
					.as("%s: ms from the round's last histogram (%s) to the event%n%s", what, taken,
							String.join("\n", leaking.reasons))
					.isLessThanOrEqualTo(interval);
			}
		}
	}

	/** About 1.5 MiB of garbage a second, through an eden sized for a collection every spacing. */
	static Consumer<SimulatedJvm> sparse(long spacingMillis) {
		return (jvm) -> {
			jvm.allocationPerSecond = 1.5 * MB;
			jvm.eden = (long) (jvm.allocationPerSecond * spacingMillis / 1000);
			jvm.promotedPerSecond = 0.05 * MB;
		};
	}

	/** When a scenario's live set first moves. */
	private static long onset(LongUnaryOperator live) {
		long base = live.applyAsLong(0);
		for (long t = 0; t < 24 * 60 * MINUTE; t += 10_000) {
			if (live.applyAsLong(t) > base) {
				return t;
			}
		}
		return 0;
	}

	private static long forcedWithin(SimulatedRun run, long spanMillis) {
		long most = 0;
		for (long at : run.jvm.forced()) {
			long within = run.jvm.forced().stream().filter((other) -> other >= at && other < at + spanMillis).count();
			most = Math.max(most, within);
		}
		return most;
	}

}
