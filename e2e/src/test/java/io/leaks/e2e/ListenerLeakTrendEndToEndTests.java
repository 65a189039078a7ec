package io.leaks.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The listener leak at the test settings the README's screenshot uses (5 s interval, 20 s
 * warm-up, 60 s minimum evidence) on a 256 MB heap, leaking about 20 MiB a minute: the
 * {@code LeakSuspectedEvent} must come within 330 s of the driver's start (the goal is 180 s, which
 * it prints whether it met) and name the
 * listener class, while the fixed listener, driven the same way at the same time in a
 * second app, raises none. It prints the seconds the event took and, when late, the
 * timeline of findings and the starter's log lines. Tagged "alone": the seconds it prints are
 * measured with no other test beside it (e2e/pom.xml).
 */
@Tag("alone")
class ListenerLeakTrendEndToEndTests {

	private static final List<String> TEST_SETTINGS = List.of("--leaks.trend.interval=5s",
			"--leaks.trend.warmup=20s", "--leaks.trend.min-evidence=60s");

	/** The warm-up of those settings, from the apps' start (the driver starts a little later). */
	private static final int WARMUP_SECONDS = 20;

	/** The goal of issue 9: the event within 180 s of the leak's start. */
	private static final Duration GOAL = Duration.ofSeconds(180);

	/**
	 * The bound this test holds. The goal is not met at every spacing of young collections
	 * (docs/benchmarks.md, "Sparse young collections"): 164.5 s here with the young generation
	 * as G1 sizes it, 189.7 s with one of 100 MiB (a young collection every 57 s, the third of
	 * which a suspicion on sparse collections needs comes at about 160 s). A regression beyond
	 * this fails.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(330);

	/**
	 * How long a late event is still waited for, so that a failure says how late it came
	 * (the bound stays {@link #DEADLINE}); a passing run never waits this long.
	 */
	private static final Duration OBSERVED = Duration.ofSeconds(390);

	/**
	 * Checkouts a second. Each leaking one retains its {@code OrderListener} with its 2 KiB
	 * receipt, the method reference the bus holds, and the bus's entry for the order (the
	 * {@code Long} key, a node of the bus's map, and the order's own set of subscribers: a
	 * {@code ConcurrentHashMap} with its table and node): about 2,400 bytes, measured with a
	 * snapshot diff around 10,000 checkouts. 146 a second are about 20 MiB a minute.
	 */
	private static final int PER_SECOND = 146;

	/**
	 * The heaps the apps run on: as G1 sizes its young generation on this machine (every 5
	 * to 40 s a collection, depending on what the heap committed at start), and with a
	 * young generation of 100 MiB, so that young collections come about once a minute (57 s
	 * apart here), more rarely than on the CI machine when the event came late (40 s): then
	 * too few of them span the persist span for a trend, and the round's live histograms
	 * must measure it.
	 */
	static Stream<Arguments> heaps() {
		return Stream.of(Arguments.of("young generation as G1 sizes it", List.of("-Xmx256m")),
				Arguments.of("young generation of 100 MiB",
						List.of("-Xmx256m", "-XX:NewSize=100m", "-XX:MaxNewSize=100m")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("heaps")
	void listenerLeakShouldRaiseTheEventNamingTheListenerSoonAndTheFixedListenerNone(String heap, List<String> options)
			throws Exception {
		try (DemoApp leakingApp = DemoApp.start("listener-trend-leaking", options, TEST_SETTINGS);
				DemoApp fixedApp = DemoApp.start("listener-trend-fixed", options, TEST_SETTINGS)) {
			DemoClient leaking = new DemoClient(leakingApp).awaitReady();
			DemoClient fixed = new DemoClient(fixedApp).awaitReady();
			String listenerClass = leakingClass(leaking);
			Instant started = Instant.parse(leaking
				.post("/demo/driver?pattern=listeners&variant=leaking&perSecond=" + PER_SECOND)
				.expect(200)
				.body()
				.path("startedAt")
				.asString());
			fixed.post("/demo/driver?pattern=listeners&variant=fixed&perSecond=" + PER_SECOND).expect(200);
			Timeline timeline = new Timeline(started);
			JsonNode alert = null;
			// Polled rather than awaited: the timeline of every answer is what a late event is judged on.
			while (alert == null) {
				boolean last = timeline.elapsed().compareTo(OBSERVED) > 0;
				if (!leakingApp.isAlive() || !fixedApp.isAlive()) {
					fail("An app died:%n%s%n%s", leakingApp.logTail(40), fixedApp.logTail(40));
				}
				timeline.record("leaking", leaking);
				timeline.record("fixed", fixed);
				assertThat(fixed.alertCount()).as("alerts of the fixed app%n%s", timeline.report(leakingApp, fixedApp))
					.isZero();
				JsonNode alerts = leaking.get("/demo/alerts").expect(200).body();
				if (alerts.path("count").asLong() > 0) {
					alert = alerts.path("alerts").get(0);
				}
				else if (last) {
					break;
				}
				else {
					Thread.sleep(1000);
				}
			}
			assertThat(alert).as("no LeakSuspectedEvent %d s after the driver started%n%s", OBSERVED.toSeconds(),
					timeline.report(leakingApp, fixedApp))
				.isNotNull();
			double seconds = Duration.between(started, Instant.parse(alert.path("at").asString())).toMillis() / 1000.0;
			System.out.printf(Locale.ROOT, "Listener leak, %s: LeakSuspectedEvent %.1f s after the driver started "
					+ "(%d checkouts/s), %s the %d s goal; %s; findings:%n%s%n", heap, seconds, PER_SECOND,
					(seconds <= GOAL.toSeconds()) ? "within" : "past", GOAL.toSeconds(), timeline.youngSpacing("leaking"),
					timeline.changes());
			assertThat(seconds).as("seconds from the driver's start to the event (at most %d)%n%s",
					DEADLINE.toSeconds(), timeline.report(leakingApp, fixedApp))
				.isLessThanOrEqualTo(DEADLINE.toSeconds());
			assertThat(alert.path("resource").asString()).isEqualTo("heap");
			assertThat(alert.path("suspects").valueStream().map(JsonNode::asString).toList())
				.as("suspects of the event, most suspicious first")
				.startsWith(listenerClass);
			// The pace is what a round of three live histograms measured over about 20 s at
			// these settings: a floor's noise of about 1 MiB makes that 20 +- 4 MiB a minute
			// (one standard deviation). The simulation of this test read 15.4 to 25.5 over 137
			// events, a clean-clone CI run 13.0 (docs/benchmarks.md, "The listener's measured
			// pace"). The bound is two and a half deviations: a pace off by more is a defect.
			assertThat(alert.path("growthPerMinute").asDouble() / (1024 * 1024)).as("MiB a minute")
				.isBetween(10.0, 30.0);

			// The fixed app was driven as long, at the same time: nothing to report.
			JsonNode fixedDriver = fixed.get("/demo/driver").expect(200).body();
			assertThat(fixedDriver.path("running").asBoolean()).as("the fixed app was driven all along: %s", fixedDriver)
				.isTrue();
			assertThat(fixedDriver.path("operations").asLong()).isGreaterThan((long) (seconds * PER_SECOND * 0.8));
			assertThat(fixed.alertCount()).as(fixedApp.logTail(20)).isZero();
			JsonNode fixedTrend = fixed.get("/actuator/leaks/trend").expect(200).body();
			System.out.printf("Fixed listener after as long: %s: %s%n", fixedTrend.path("finding").asString(),
					fixedTrend.path("reason").asString());
			assertThat(fixedTrend.path("status").asString()).as(fixedTrend.path("reason").asString())
				.isNotEqualTo("LEAK_SUSPECTED");
		}
	}

	private static String leakingClass(DemoClient client) {
		for (JsonNode pattern : client.get("/demo/patterns").expect(200).body()) {
			if ("listeners".equals(pattern.path("id").asString())) {
				return pattern.path("leakingClass").asString();
			}
		}
		throw new AssertionError("The demo app lists no listeners pattern");
	}

	/**
	 * What {@code /actuator/leaks/trend} said over time, seconds after the driver started:
	 * what the lead needs to see when the event comes late.
	 */
	private static final class Timeline {

		private final Instant started;

		private final List<String> entries = new ArrayList<>();

		private final List<String> changes = new ArrayList<>();

		private final Map<String, String> lastFinding = new HashMap<>();

		private final Map<String, double[]> firstYoung = new HashMap<>();

		private final Map<String, double[]> lastYoung = new HashMap<>();

		Timeline(Instant started) {
			this.started = started;
		}

		Duration elapsed() {
			return Duration.between(this.started, Instant.now());
		}

		void record(String app, DemoClient client) {
			JsonNode trend = client.get("/actuator/leaks/trend").expect(200).body();
			JsonNode overview = client.get("/actuator/leaks").expect(200).body();
			String finding = trend.path("finding").asString() + ((trend.path("severity").isString())
					? "/" + trend.path("severity").asString() : "");
			// The collections the JVM ran and the heap it committed: G1 sizes its young
			// generation by both, and the analysis waits for collections.
			String heap = String.format(Locale.ROOT, "[%s; %d MiB committed]",
					String.join(", ", overview.path("collectors").valueStream()
						.map((collector) -> collector.path("name").asString().replace(" Generation", "") + " "
								+ collector.path("count").asLong())
						.toList()),
					overview.path("heap").path("committed").asLong() / (1024 * 1024));
			long young = overview.path("collectors").valueStream()
				.filter((collector) -> collector.path("name").asString().contains("Young"))
				.mapToLong((collector) -> collector.path("count").asLong())
				.sum();
			double seconds = elapsed().toMillis() / 1000.0;
			if (seconds >= WARMUP_SECONDS) {
				this.firstYoung.putIfAbsent(app, new double[] { seconds, young });
				this.lastYoung.put(app, new double[] { seconds, young });
			}
			String at = String.format(Locale.ROOT, "%6.1f s %-7s", seconds, app);
			String entry = at + " " + trend.path("status").asString() + " " + finding + " " + heap + ": "
					+ trend.path("reason").asString();
			this.entries.add(entry);
			if (!finding.equals(this.lastFinding.put(app, finding))) {
				this.changes.add(entry);
			}
		}

		/**
		 * How often the app's young generation was collected after the warm-up: what decides
		 * how soon a climb after young collections can be judged.
		 */
		String youngSpacing(String app) {
			double[] first = this.firstYoung.get(app);
			double[] last = this.lastYoung.get(app);
			if (first == null || last == null || last[1] <= first[1]) {
				return "no young collection after the warm-up";
			}
			double collections = last[1] - first[1];
			return String.format(Locale.ROOT, "%.0f young collections from %.0f to %.0f s, one every %.1f s",
					collections, first[0], last[0], (last[0] - first[0]) / collections);
		}

		String changes() {
			return String.join(System.lineSeparator(), this.changes);
		}

		/**
		 * The changes of finding and the starter's log lines first, every answer last: a
		 * build log that keeps only the start of a long failure message keeps what matters.
		 */
		String report(DemoApp leaking, DemoApp fixed) {
			List<String> lines = new ArrayList<>(
					List.of("Findings as they changed, seconds after the driver started at " + this.started + ":"));
			lines.addAll(this.changes);
			lines.add("The leaking app's 'leaks:' log lines:");
			lines.addAll(leaking.logLines("leaks:"));
			lines.add("The fixed app's 'leaks:' log lines:");
			lines.addAll(fixed.logLines("leaks:"));
			lines.add("Every GET /trend:");
			lines.addAll(this.entries);
			return String.join(System.lineSeparator(), lines);
		}

	}

}
