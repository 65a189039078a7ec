package io.leaks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trend analyzer's whole cycle in the packaged demo app, with only the three basic
 * settings shortened (everything else derives from them): a leaking cache driven
 * continuously must raise one {@code LeakSuspectedEvent} whose suspects name the leaking
 * class, while the fixed cache, driven the same way at the same time in a second app,
 * raises none. The dump taken on the suspicion is analysed for the suspects and names the
 * cache's map.
 */
class LeakTrendEndToEndTests {

	private static final List<String> SHORT_SETTINGS = List.of("--leaks.trend.interval=5s",
			"--leaks.trend.warmup=20s", "--leaks.trend.min-evidence=60s");

	private static final String LEAKING_CLASS = "io.leaks.demo.cache.CachedReport";

	/**
	 * About 1 MiB a second of retained reports: the 256 MiB heap fills in about four minutes,
	 * so the verdict (about 100 s in: warm-up, a minute of evidence, a confirmation round) comes
	 * well before exhaustion even on a loaded machine. At twice the rate the heap filled within
	 * 30 s of the verdict and a slow CI machine missed it.
	 */
	private static final int PER_SECOND = 400;

	@TempDir
	Path dumps;

	@Test
	void leakingCacheShouldRaiseOneAlertNamingItsClassAndTheFixedCacheNone() throws Exception {
		List<String> leakingSettings = new ArrayList<>(SHORT_SETTINGS);
		leakingSettings.addAll(List.of("--leaks.heap-dump.on-suspicion=true",
				"--leaks.heap-dump.directory=" + this.dumps, "--leaks.heap-dump.free-space-margin=10MB",
				"--leaks.analysis.on-suspicion=true", "--leaks.analysis.niceness=0"));
		try (DemoApp leakingApp = DemoApp.start("trend-leaking", leakingSettings);
				DemoApp fixedApp = DemoApp.start("trend-fixed", SHORT_SETTINGS)) {
			DemoClient leaking = new DemoClient(leakingApp).awaitReady();
			DemoClient fixed = new DemoClient(fixedApp).awaitReady();
			leaking.post("/demo/driver?pattern=cache&variant=leaking&perSecond=" + PER_SECOND).expect(200);
			fixed.post("/demo/driver?pattern=cache&variant=fixed&perSecond=" + PER_SECOND).expect(200);
			await("a leak alert from the leaking app").atMost(Duration.ofSeconds(240))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> {
					if (!leakingApp.isAlive()) {
						throw new IllegalStateException("The leaking app died:\n" + leakingApp.logTail(40));
					}
					return alertCount(leaking) >= 1;
				});
			JsonNode alerts = leaking.get("/demo/alerts").expect(200).body();
			assertThat(alerts.path("count").asLong()).as(leakingApp.logTail(20)).isEqualTo(1);
			JsonNode alert = alerts.path("alerts").get(0);
			assertThat(alert.path("resource").asString()).isEqualTo("heap");
			assertThat(texts(alert.path("suspects"))).as("suspects, most suspicious first").startsWith(LEAKING_CLASS);
			assertThat(alert.path("growthPerMinute").asDouble()).isPositive();
			JsonNode trend = leaking.get("/actuator/leaks/trend").expect(200).body();
			assertThat(trend.path("status").asString()).isEqualTo("LEAK_SUSPECTED");
			assertThat(trend.path("suspects").get(0).path("className").asString()).isEqualTo(LEAKING_CLASS);
			assertThat(trend.path("suspects").get(0).path("instancesDelta").asLong()).isPositive();
			assertThat(trend.path("projectedExhaustion").isString()).isTrue();
			assertThat(texts(trend.path("notes"))).as("the automatic heap dump is noted on the trend")
				.anySatisfy((note) -> assertThat(note).startsWith("heap dump heapdump-").contains("-auto-live-"));
			try (Stream<Path> files = Files.list(this.dumps)) {
				assertThat(files.map((file) -> file.getFileName().toString()))
					.anySatisfy((name) -> assertThat(name).contains("-auto-live-suspected-heap").endsWith(".hprof"));
			}

			// The dump taken on the suspicion is analysed for the suspects; the trend links it.
			leaking.delete("/demo/driver").expect(200);
			String note = texts(trend.path("notes")).stream()
				.filter((text) -> text.startsWith("analysis a-"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no analysis noted on the trend: " + trend));
			String id = note.substring("analysis ".length(), note.indexOf(' ', "analysis ".length()));
			JsonNode analysis = new AnalysisClient(leaking, leakingApp).awaitFinished(id);
			assertThat(analysis.path("automatic").asBoolean()).isTrue();
			assertThat(analysis.path("classesFrom").asString()).isEqualTo("suspects");
			assertThat(analysis.path("heapDump").asString()).contains("-auto-live-suspected-heap");
			JsonNode owner = AnalysisClient.finding(analysis, LEAKING_CLASS).path("owners").get(0);
			assertThat(AnalysisClient.references(owner.path("path"))).containsExactly(
					"io.leaks.demo.cache.UnboundedReportCache.REPORTS", "java.util.concurrent.ConcurrentHashMap.");
			await("the LeakAnalyzedEvent").atMost(Duration.ofSeconds(10))
				.until(() -> leaking.get("/demo/alerts").expect(200).body().path("analyzed").size() == 1);
			JsonNode analyzed = leaking.get("/demo/alerts").expect(200).body().path("analyzed").get(0);
			assertThat(analyzed.path("analysis").asString()).isEqualTo(id);
			assertThat(analyzed.path("className").asString()).isEqualTo(LEAKING_CLASS);
			assertThat(analyzed.path("owner").asString()).startsWith("static field UnboundedReportCache.REPORTS");
			assertThat(analyzed.path("retainedBytes").asLong()).isPositive();
			// Asked without classes, an analysis looks at the suspects the suspicion named.
			JsonNode asked = leaking.postJson("/actuator/leaks/analyses", "{}").expect(202).body();
			assertThat(asked.path("classesFrom").asString()).isEqualTo("suspects");
			assertThat(texts(asked.path("classes"))).startsWith(LEAKING_CLASS);
			leaking.delete("/actuator/leaks/analyses/" + asked.path("id").asString()).expect(200);

			JsonNode fixedDriver = fixed.get("/demo/driver").expect(200).body();
			assertThat(fixedDriver.path("running").asBoolean()).as("the fixed app was driven all along: %s", fixedDriver)
				.isTrue();
			assertThat(alertCount(fixed)).as(fixedApp.logTail(20)).isZero();
			assertThat(fixed.get("/actuator/leaks/trend").expect(200).body().path("status").asString())
				.isNotEqualTo("LEAK_SUSPECTED");
		}
	}

	private static long alertCount(DemoClient client) {
		return client.get("/demo/alerts").expect(200).body().path("count").asLong();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode element : array) {
			texts.add(element.asString());
		}
		return texts;
	}

}
