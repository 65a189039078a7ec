package io.leaks.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.leaks.e2e.DemoClient.DiffRow;
import io.leaks.e2e.DemoClient.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the packaged demo app as its own JVM and hunts each leak the way a user would:
 * snapshot, exercise, snapshot, compare by instances.
 */
@Tag("core")
class LeakPatternsEndToEndTests {

	private static final int OPERATIONS = 1_000;

	private static DemoApp app;

	private static DemoClient client;

	@BeforeAll
	static void startDemoApp() throws IOException {
		app = DemoApp.start();
		client = new DemoClient(app).awaitReady();
		warmUp();
	}

	/**
	 * The first requests load classes and fill framework caches; diffs taken after that show
	 * only what the patterns do.
	 */
	private static void warmUp() {
		for (String pattern : List.of("cache", "listeners", "closures", "cycles", "threadlocals", "registry")) {
			client.run(pattern, "leaking", 10);
			client.run(pattern, "fixed", 10);
		}
		client.get("/demo/patterns").expect(200);
		client.get("/demo/driver").expect(200);
		growthWhile("warm-up", 10, false, () -> client.reset());
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

	@AfterEach
	void stopDriver() {
		client.delete("/demo/driver").expect(200);
	}

	/**
	 * Snapshots before and after some work and compares them by instance growth.
	 */
	private static List<DiffRow> growthWhile(String label, int top, boolean excludeJdk, Runnable work) {
		String before = label + "-before";
		String after = label + "-after";
		client.snapshot(before);
		try {
			work.run();
			client.snapshot(after);
			try {
				return client.compareByInstances(before, after, top, excludeJdk);
			}
			finally {
				client.deleteSnapshot(after);
			}
		}
		finally {
			client.deleteSnapshot(before);
		}
	}

	private static Optional<DiffRow> row(List<DiffRow> rows, String className) {
		return rows.stream().filter((row) -> row.className().equals(className)).findFirst();
	}

	private static long growth(List<DiffRow> rows, String className) {
		return row(rows, className).map(DiffRow::instancesDelta).orElse(0L);
	}

	@ParameterizedTest(name = "{0} leaks {1}")
	@CsvSource({ "cache, io.leaks.demo.cache.CachedReport", "listeners, io.leaks.demo.listeners.OrderListener",
			"closures, io.leaks.demo.closures.UploadedDocument",
			"threadlocals, io.leaks.demo.threadlocals.AuditEntry",
			"registry, io.leaks.demo.registry.RequestHandler" })
	void leakingVariantShouldPutItsClassInTheTopRowsOfTheInstanceDiff(String pattern, String leakingClass) {
		List<DiffRow> top10 = growthWhile(pattern + "-leaking", 10, false, () -> {
			RunResult run = client.run(pattern, "leaking", OPERATIONS);
			assertThat(run.leakingClass()).isEqualTo(leakingClass);
			assertThat(run.retained()).isEqualTo(OPERATIONS);
		});
		assertThat(top10).as("top 10 rows by instance growth, JDK classes included")
			.extracting(DiffRow::className)
			.contains(leakingClass);
		assertThat(growth(top10, leakingClass)).as("instance growth of %s in %s", leakingClass, top10)
			.isEqualTo(OPERATIONS);
	}

	@ParameterizedTest(name = "{0} keeps at most {2} of {1}")
	@CsvSource({ "cache, io.leaks.demo.cache.CachedReport, 100",
			"listeners, io.leaks.demo.listeners.OrderListener, 0",
			"closures, io.leaks.demo.closures.UploadedDocument, 0",
			"threadlocals, io.leaks.demo.threadlocals.AuditEntry, 0",
			"registry, io.leaks.demo.registry.RequestHandler, 0" })
	void fixedVariantShouldNotGrowItsClassBeyondTheBound(String pattern, String leakingClass, long bound) {
		List<DiffRow> rows = growthWhile(pattern + "-fixed", 10_000, false, () -> {
			RunResult run = client.run(pattern, "fixed", OPERATIONS);
			assertThat(run.created()).as("instances of %s created", leakingClass).isEqualTo(OPERATIONS);
			assertThat(run.retained()).isLessThanOrEqualTo(bound);
		});
		assertThat(growth(rows, leakingClass)).as("instance growth of %s", leakingClass)
			.isLessThanOrEqualTo(bound);
	}

	@ParameterizedTest(name = "{0} parent links")
	@ValueSource(strings = { "leaking", "fixed" })
	void cyclesShouldLeaveNothingGrowingAfterGcWithEitherParentLink(String variant) {
		List<DiffRow> applicationRows = growthWhile("cycles-" + variant, 10_000, true, () -> {
			RunResult run = client.run("cycles", variant, OPERATIONS);
			assertThat(run.created()).as("tree nodes built").isEqualTo(7L * OPERATIONS);
		});
		assertThat(growth(applicationRows, "io.leaks.demo.cycles.TreeNode")).isLessThanOrEqualTo(0);
		assertThat(applicationRows).as("demo classes that grew")
			.filteredOn((row) -> row.className().startsWith("io.leaks.demo.") && row.instancesDelta() > 0)
			.isEmpty();
	}

	@Test
	void patternsShouldListEveryPatternWithItsLeakingClassAndWhatItRetains() {
		client.run("registry", "leaking", 25);
		JsonNode patterns = client.get("/demo/patterns").expect(200).body();
		assertThat(patterns.valueStream().map((pattern) -> pattern.path("id").asString()))
			.containsExactly("cache", "listeners", "closures", "cycles", "threadlocals", "registry");
		assertThat(patterns.valueStream().map((pattern) -> pattern.path("leakingClass").asString())).containsExactly(
				"io.leaks.demo.cache.CachedReport", "io.leaks.demo.listeners.OrderListener",
				"io.leaks.demo.closures.UploadedDocument", "io.leaks.demo.cycles.TreeNode",
				"io.leaks.demo.threadlocals.AuditEntry", "io.leaks.demo.registry.RequestHandler");
		assertThat(retained("registry", "leaking")).isEqualTo(25);
		assertThat(retained("registry", "fixed")).isZero();
	}

	@Test
	void resetShouldDropWhatThePatternsRetain() {
		client.run("cache", "leaking", 40);
		JsonNode reset = client.post("/demo/reset").expect(200).body();
		assertThat(reset.path("dropped").path("cache").asLong()).isEqualTo(40);
		assertThat(retained("cache", "leaking")).isZero();
	}

	/**
	 * What {@code GET /demo/patterns} says a variant retains now.
	 */
	private static long retained(String pattern, String variant) {
		JsonNode patterns = client.get("/demo/patterns").expect(200).body();
		return patterns.valueStream()
			.filter((candidate) -> candidate.path("id").asString().equals(pattern))
			.flatMap((found) -> found.path("variants").valueStream())
			.filter((candidate) -> candidate.path("variant").asString().equals(variant))
			.mapToLong((found) -> found.path("retained").asLong())
			.findFirst()
			.orElseThrow(() -> new AssertionError("GET /demo/patterns lists no " + pattern + "/" + variant));
	}

	@Test
	void loadDriverShouldRunAPatternContinuouslyUntilStopped() {
		JsonNode started = client.post("/demo/driver?pattern=registry&variant=leaking&perSecond=400")
			.expect(200)
			.body();
		assertThat(started.path("running").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> client.get("/demo/driver").body().path("operations").asLong() >= 200);
		assertThat(client.delete("/demo/driver").expect(200).body().path("running").asBoolean()).isFalse();
		await("operations stop changing").atMost(Duration.ofSeconds(5))
			.during(Duration.ofMillis(500))
			.until(() -> client.get("/demo/driver").body().path("operations").asLong(),
					(operations) -> operations == retained("registry", "leaking"));
	}

	@ParameterizedTest(name = "POST {0}")
	@CsvSource(delimiter = '|', value = { "/demo/patterns/nope/leaking | pattern must be one of [cache, listeners, ",
			"/demo/patterns/cache/sideways | variant must be 'leaking' or 'fixed', was 'sideways'",
			"/demo/patterns/cache/leaking?count=0 | count must be a whole number from 1 to 10000, was 0",
			"/demo/patterns/cache/leaking?count=lots | count must be a whole number from 1 to 10000, was 'lots'",
			"/demo/patterns/cache/leaking?count=10001 | count must be a whole number from 1 to 10000, was 10001",
			"/demo/driver?variant=leaking | pattern must be one of [cache, listeners, ",
			"/demo/driver?pattern=cache | variant must be 'leaking' or 'fixed', was missing",
			"/demo/driver?pattern=cache&variant=fixed&perSecond=100000 | perSecond must be a whole number from 1 to 1000" })
	void badInputShouldAnswer400WithAMessageThatSaysHowToFixIt(String path, String message) {
		DemoClient.Response response = client.post(path);
		response.expect(400);
		assertThat(response.body().path("message").asString()).contains(message);
		assertThat(client.get("/demo/driver").body().path("running").asBoolean()).isFalse();
	}

}
