package io.leaks.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo app under ZGC. The JVM is the one the {@code e2e.zgc.java} property
 * names (the build sets it to Temurin 25 where that is installed) or else the one running
 * the tests. On JDK 25 JFR's leak profiler reports no old objects under ZGC, so a recording
 * with old objects is refused with 503 saying why, while one of allocation samples only
 * runs; on JDK 17 it works under ZGC, and the old objects are recorded.
 */
class AllocationsUnderZgcEndToEndTests {

	private static DemoApp app;

	private static DemoClient client;

	private static int javaVersion;

	@BeforeAll
	static void startDemoAppUnderZgc() throws IOException {
		String java = System.getProperty("e2e.zgc.java", "");
		if (java.isBlank()) {
			java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		}
		app = DemoApp.start("demo-app-zgc", java, List.of("-Xmx512m", "-XX:+UseZGC"), List.of());
		client = new DemoClient(app).awaitReady();
		JsonNode jvm = client.get("/actuator/leaks").expect(200).body().path("jvm");
		javaVersion = Runtime.Version.parse(jvm.path("version").asString()).feature();
		assertThat(client.get("/actuator/leaks").body().path("collectors").valueStream())
			.anySatisfy((collector) -> assertThat(collector.path("name").asString()).startsWith("ZGC"));
	}

	@AfterAll
	static void stopDemoApp() throws InterruptedException {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void oldObjectsShouldBeRecordedWhereTheLeakProfilerWorksAndRefusedWhereItDoesNot() {
		JsonNode list = client.get("/actuator/leaks/allocations").expect(200).body();
		if (javaVersion > 17) {
			JsonNode refused = client.postJson("/actuator/leaks/allocations", "{\"duration\": \"2s\"}")
				.expect(503)
				.body();
			assertThat(refused.path("message").asString()).contains("unavailable under ZGC")
				.contains("\"oldObjects\": false");
			assertThat(list.path("oldObjectsUnavailableUnder").asString()).isEqualTo("ZGC");
			assertThat(client.get("/actuator/leaks/allocations").body().path("recordings").size()).isZero();
			JsonNode done = recordWhileTheCacheLeaks("{\"duration\": \"3s\", \"oldObjects\": false}", false);
			assertThat(done.path("oldObjects").path("status").asString()).isEqualTo("OFF");
		}
		else {
			assertThat(list.has("oldObjectsUnavailableUnder")).isFalse();
			JsonNode done = recordWhileTheCacheLeaks("{\"duration\": \"5s\"}", true);
			JsonNode oldObjects = done.path("oldObjects");
			assertThat(oldObjects.path("status").asString()).isEqualTo("RECORDED");
			assertThat(oldObjects.path("chains").valueStream())
				.anySatisfy((chain) -> assertThat(chain.path("path").valueStream())
					.anySatisfy((step) -> assertThat(step.path("reference").asString()).isEqualTo("REPORTS")));
		}
	}

	private static JsonNode recordWhileTheCacheLeaks(String request, boolean oldObjects) {
		String id = client.postJson("/actuator/leaks/allocations", request).expect(202).body().path("id").asString();
		JsonNode done;
		if (oldObjects) {
			done = Allocations.leakUntilCollected(client, id, "cache");
		}
		else {
			long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
			while (System.nanoTime() < end) {
				client.run("cache", "leaking", 500);
			}
			done = Allocations.awaitDone(client, id);
		}
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("totals").path("samples").asLong()).isPositive();
		assertThat(done.path("classes").valueStream().flatMap((c) -> c.path("sites").valueStream()))
			.anySatisfy((site) -> assertThat(site.path("site").asString())
				.startsWith("io.leaks.demo.cache.CachedReport.render:"));
		return done;
	}

}
