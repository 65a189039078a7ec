package io.leaks.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records allocations in the packaged demo app while one leak pattern runs, the way a user
 * would ask where the leaking bytes come from: the allocation sites of {@code byte[]} (each
 * pattern's payload) must name the pattern's allocating method, called from its leaking
 * variant.
 */
class AllocationSitesEndToEndTests {

	private static final Duration DRIVE = Duration.ofMillis(2500);

	private static DemoApp app;

	private static DemoClient client;

	@BeforeAll
	static void startDemoApp() throws IOException {
		app = DemoApp.start("demo-app-allocations", List.of());
		client = new DemoClient(app).awaitReady();
		for (String pattern : List.of("cache", "listeners", "closures", "threadlocals", "registry")) {
			client.run(pattern, "leaking", 10);
		}
	}

	@AfterAll
	static void stopDemoApp() throws InterruptedException {
		if (app != null) {
			app.close();
		}
	}

	@BeforeEach
	void reset() {
		client.reset();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"listeners|io.leaks.demo.listeners.OrderListener.<init>:|io.leaks.demo.listeners.ListenersPattern.runLeaking:",
			"cache|io.leaks.demo.cache.CachedReport.render:|io.leaks.demo.cache.CachePattern.runLeaking:",
			"registry|io.leaks.demo.registry.RequestHandler.<init>:|io.leaks.demo.registry.RegistryPattern.runLeaking:",
			"threadlocals|io.leaks.demo.threadlocals.ThreadLocalsPattern.audit:|io.leaks.demo.threadlocals.ThreadLocalsPattern.serveLeaking:",
			"closures|io.leaks.demo.closures.ClosuresPattern.receive:|io.leaks.demo.closures.ClosuresPattern.runLeaking:" })
	void allocationSitesShouldNameThePatternsAllocatingMethod(String pattern, String site, String caller) {
		JsonNode started = client
			.postJson("/actuator/leaks/allocations", "{\"duration\": \"3s\", \"classes\": [\"[B\"], \"oldObjects\": false}")
			.expect(202)
			.body();
		assertThat(started.path("status").asString()).isEqualTo("RUNNING");
		assertThat(started.path("requestedClasses").get(0).asString()).isEqualTo("byte[]");
		drive(pattern);
		JsonNode done = Allocations.awaitDone(client, started.path("id").asString());
		JsonNode bytes = done.path("classes").get(0);
		assertThat(bytes.path("className").asString()).isEqualTo("byte[]");
		assertThat(bytes.path("samples").asLong()).as("byte[] samples in %s", done).isPositive();
		JsonNode top = topApplicationSite(bytes);
		assertThat(top).as("an application site of byte[] in %s", bytes).isNotNull();
		assertThat(top.path("site").asString()).as("top application site of byte[] in %s", bytes).startsWith(site);
		assertThat(top.path("stack").valueStream().map(JsonNode::asString))
			.as("callers of %s", top)
			.anyMatch((frame) -> frame.startsWith(caller));
		assertThat(done.path("oldObjects").path("status").asString()).isEqualTo("OFF");
	}

	@Test
	void oldObjectChainsShouldLeadFromTheCachesStaticMapToItsReports() {
		JsonNode started = client
			.postJson("/actuator/leaks/allocations", "{\"duration\": \"5s\", \"classes\": \"byte[]\"}")
			.expect(202)
			.body();
		assertThat(started.path("oldObjects").path("status").asString()).isEqualTo("PENDING");
		JsonNode done = Allocations.leakUntilCollected(client, started.path("id").asString(), "cache");
		JsonNode oldObjects = done.path("oldObjects");
		assertThat(oldObjects.path("status").asString()).isEqualTo("RECORDED");
		assertThat(oldObjects.path("samples").asLong()).isPositive();
		assertThat(oldObjects.path("note").asString()).contains("cannot be asked for a class");
		assertThat(done.path("classes").get(0).path("chains").valueStream())
			.as("chains of byte[] in %s", oldObjects)
			.anySatisfy((chain) -> {
				assertThat(chain.path("root").path("system").asString()).isNotEmpty();
				assertThat(chain.path("path").valueStream()).anySatisfy((step) -> {
					assertThat(step.path("reference").asString()).isEqualTo("REPORTS");
					assertThat(step.path("description").asString()).contains("io.leaks.demo.cache.UnboundedReportCache");
				});
			});
	}

	/**
	 * Runs the leaking variant over and over for a while; resetting in between keeps the
	 * listeners pattern (which notifies every listener it kept) fast and the heap small.
	 */
	private static void drive(String pattern) {
		long end = System.nanoTime() + DRIVE.toNanos();
		while (System.nanoTime() < end) {
			client.run(pattern, "leaking", 500);
			client.reset();
		}
	}

	private static JsonNode topApplicationSite(JsonNode classBody) {
		for (JsonNode site : classBody.path("sites")) {
			if (site.path("applicationFrame").asBoolean()) {
				return site;
			}
		}
		return null;
	}

}
