package io.leaks.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped rules on a real Prometheus (Debian's, on loopback, scraping and evaluating
 * every second): two demo apps with the short trend settings, one driving the leaking
 * cache and one the fixed cache at the same rate. {@code LeakSuspected} must fire for the
 * leaking instance with its resource as a label, and never even be pending for the fixed
 * one, which Prometheus scraped all along.
 */
class PrometheusAlertEndToEndTests {

	private static final List<String> SHORT_SETTINGS = List.of("--leaks.trend.interval=5s",
			"--leaks.trend.warmup=20s", "--leaks.trend.min-evidence=60s");

	/** About 1 MiB a second of retained reports, as in {@link LeakTrendEndToEndTests}. */
	private static final int PER_SECOND = 400;

	@TempDir
	Path dir;

	@Test
	void leakSuspectedShouldFireForTheLeakingInstanceOnlyInARealPrometheus() throws Exception {
		Path rules = Promtool.monitoringDir().resolve("prometheus/leaks-rules.yml");
		try (DemoApp leakingApp = DemoApp.start("prometheus-leaking", SHORT_SETTINGS);
				DemoApp fixedApp = DemoApp.start("prometheus-fixed", SHORT_SETTINGS);
				Prometheus prometheus = Prometheus.start(this.dir, rules,
						List.of(leakingApp.uri("/"), fixedApp.uri("/")))) {
			DemoClient leaking = new DemoClient(leakingApp).awaitReady();
			DemoClient fixed = new DemoClient(fixedApp).awaitReady();
			String leakingInstance = instance(leakingApp.uri("/"));
			String fixedInstance = instance(fixedApp.uri("/"));
			JsonNode groups = prometheus.api("/api/v1/rules").path("data").path("groups");
			assertThat(groups.findValuesAsString("name")).contains("leaks", "leaks-fallback", "LeakSuspected");
			assertThat(groups.findValuesAsString("health")).as(prometheus.logTail()).hasSize(9).isSubsetOf("ok", "unknown");

			leaking.post("/demo/driver?pattern=cache&variant=leaking&perSecond=" + PER_SECOND).expect(200);
			fixed.post("/demo/driver?pattern=cache&variant=fixed&perSecond=" + PER_SECOND).expect(200);
			await("LeakSuspected firing for " + leakingInstance).atMost(Duration.ofSeconds(270))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> {
					if (!leakingApp.isAlive()) {
						throw new IllegalStateException("The leaking app died:\n" + leakingApp.logTail(40));
					}
					return firing(prometheus, leakingInstance) != null;
				});
			JsonNode alert = firing(prometheus, leakingInstance);
			assertThat(alert.path("labels").path("application").asString()).isEqualTo("leaks-demo");
			assertThat(alert.path("labels").path("resource").asString()).isEqualTo("heap");
			assertThat(alert.path("annotations").path("summary").asString())
				.isEqualTo("leaks-demo on " + leakingInstance + ": heap leak suspected");
			assertThat(leaking.get("/actuator/leaks/trend").expect(200).body().path("status").asString())
				.isEqualTo("LEAK_SUSPECTED");

			assertThat(prometheus.alerts()).as("alerts of the fixed instance")
				.noneMatch((candidate) -> fixedInstance.equals(candidate.path("labels").path("instance").asString()));
			assertThat(fixed.get("/demo/driver").expect(200).body().path("running").asBoolean())
				.as("the fixed app was driven all along")
				.isTrue();
			// One series per severity (minutes, hours, days), each 0 while no leak is suspected.
			List<JsonNode> scraped = prometheus.query("count_over_time(leaks_suspected{resource=\"heap\", severity=\"hours\", "
					+ "instance=\"" + fixedInstance + "\"}[5m])");
			assertThat(scraped).as("the fixed app's verdict was scraped all along").hasSize(1);
			assertThat(scraped.get(0).path("value").get(1).asString()).satisfies(
					(count) -> assertThat(Double.parseDouble(count)).isGreaterThan(60));
			assertThat(prometheus.query("max_over_time(leaks_suspected{instance=\"" + fixedInstance + "\"}[5m]) > 0"))
				.as("the fixed app never reported a suspicion")
				.isEmpty();
		}
	}

	private static JsonNode firing(Prometheus prometheus, String instance) {
		return prometheus.alerts()
			.stream()
			.filter((alert) -> "LeakSuspected".equals(alert.path("labels").path("alertname").asString()))
			.filter((alert) -> instance.equals(alert.path("labels").path("instance").asString()))
			.filter((alert) -> "firing".equals(alert.path("state").asString()))
			.findFirst()
			.orElse(null);
	}

	private static String instance(URI app) {
		return app.getHost() + ":" + app.getPort();
	}

}
