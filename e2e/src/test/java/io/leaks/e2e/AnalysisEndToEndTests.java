package io.leaks.e2e;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.leaks.e2e.AnalysisClient.classes;
import static io.leaks.e2e.AnalysisClient.finding;
import static io.leaks.e2e.AnalysisClient.references;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who holds it, for every leaking pattern of the packaged demo app: each pattern is driven,
 * one dump is taken, and the analysis (run by the app in a JVM of its own, from the jars
 * nested in the Spring Boot jar) must name each pattern's holder. The fixed variants,
 * driven between two dumps, must show no owner growing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisEndToEndTests {

	private static final String LISTENER = "io.leaks.demo.listeners.OrderListener";

	private static final String REPORT = "io.leaks.demo.cache.CachedReport";

	private static final String HANDLER = "io.leaks.demo.registry.RequestHandler";

	private static final String AUDIT = "io.leaks.demo.threadlocals.AuditEntry";

	private static final String DOCUMENT = "io.leaks.demo.closures.UploadedDocument";

	private static final List<String> CLASSES = List.of(LISTENER, REPORT, HANDLER, AUDIT, DOCUMENT);

	private static final List<String> PATTERNS = List.of("listeners", "cache", "registry", "threadlocals", "closures");

	private static final int COUNT = 2000;

	/** Static: a per-class test instance gets its fields injected only after {@code @BeforeAll}. */
	@TempDir
	static Path dumps;

	private DemoApp app;

	private DemoClient client;

	private AnalysisClient analyses;

	@BeforeAll
	void start() throws Exception {
		this.app = DemoApp.start("analysis", List.of("--leaks.heap-dump.directory=" + dumps,
				"--leaks.heap-dump.free-space-margin=10MB", "--leaks.analysis.niceness=0", "--leaks.trend.enabled=false"));
		this.client = new DemoClient(this.app).awaitReady();
		this.analyses = new AnalysisClient(this.client, this.app);
	}

	@AfterAll
	void stop() throws Exception {
		this.app.close();
	}

	@Test
	void theAnalysisShouldNameTheHolderOfEveryLeakingPattern() {
		this.client.post("/demo/reset").expect(200);
		for (String pattern : PATTERNS) {
			this.client.post("/demo/patterns/" + pattern + "/leaking?count=" + COUNT).expect(200);
		}
		String dump = this.analyses.dump("patterns");
		JsonNode analysis = this.analyses.analyse("{\"heapDump\": \"" + dump + "\", \"classes\": " + classes(CLASSES)
				+ "}");
		assertThat(analysis.path("heapDump").asString()).isEqualTo(dump);

		// OrderEventBus's listener set, reached through the pattern's leaking bus.
		JsonNode listeners = finding(analysis, LISTENER);
		assertThat(listeners.path("reachable").asLong()).isEqualTo(COUNT);
		JsonNode bus = listeners.path("owners").get(0);
		assertThat(bus.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(bus.path("className").asString()).isEqualTo("java.util.concurrent.ConcurrentHashMap$KeySetView");
		assertThat(references(bus.path("path"))).endsWith("io.leaks.demo.listeners.ListenersPattern.leakingBus",
				"io.leaks.demo.listeners.OrderEventBus.subscribers",
				"java.util.concurrent.ConcurrentHashMap$KeySetView.");
		assertThat(bus.path("retainedBytes").asLong()).isGreaterThan(listeners.path("shallowBytes").asLong());

		// The cache's static map.
		JsonNode cache = finding(analysis, REPORT).path("owners").get(0);
		assertThat(cache.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(cache.path("className").asString()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
		assertThat(cache.path("path").path("root").path("kind").asString()).isEqualTo("STATIC_FIELD");
		assertThat(references(cache.path("path"))).containsExactly("io.leaks.demo.cache.UnboundedReportCache.REPORTS",
				"java.util.concurrent.ConcurrentHashMap.");

		// The handler registry.
		JsonNode registry = finding(analysis, HANDLER).path("owners").get(0);
		assertThat(registry.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(references(registry.path("path"))).containsExactly(
				"io.leaks.demo.registry.HandlerRegistry.HANDLERS", "java.util.concurrent.ConcurrentHashMap.");

		// The pool threads' threadLocals: one path pattern for all, naming the threads; the
		// busiest thread's map is an owner (a pool hands tiny tasks out unevenly).
		JsonNode audits = finding(analysis, AUDIT);
		JsonNode local = audits.path("paths").get(0);
		assertThat(local.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(local.path("path").path("root").path("kind").asString()).isEqualTo("THREAD_LOCAL");
		assertThat(local.path("path").path("steps").get(0).path("reference").asString()).isEqualTo("threadLocals");
		assertThat(local.path("threads")).isNotEmpty()
			.allSatisfy((thread) -> assertThat(thread.asString()).startsWith("audit-worker-"));
		assertThat(audits.path("owners")).isNotEmpty().allSatisfy((owner) -> {
			assertThat(owner.path("path").path("root").path("kind").asString()).isEqualTo("THREAD_LOCAL");
			assertThat(owner.path("path").path("root").path("thread").asString()).startsWith("audit-worker-");
		});

		// The captured lambda, kept by the upload index.
		JsonNode documents = finding(analysis, DOCUMENT);
		JsonNode index = documents.path("owners").get(0);
		assertThat(index.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(references(index.path("path"))).endsWith("io.leaks.demo.closures.UploadIndex.descriptions",
				"java.util.concurrent.ConcurrentHashMap.");
		JsonNode steps = documents.path("paths").get(0).path("path").path("steps");
		JsonNode lambda = steps.get(steps.size() - 2);
		assertThat(lambda.path("className").asString()).startsWith("io.leaks.demo.closures.ClosuresPattern$$Lambda");
		assertThat(lambda.path("reference").asString()).isEqualTo("arg$1");

		assertThat(analysis.path("summary")).hasSize(5);
		assertThat(analysis.path("analyzer").path("maxHeapBytes").asLong()).isLessThanOrEqualTo(256L << 20);
	}

	@Test
	void theFixedVariantsShouldShowNoOwnerGrowingBetweenTwoDumps() {
		this.client.post("/demo/reset").expect(200);
		for (String pattern : PATTERNS) {
			this.client.post("/demo/patterns/" + pattern + "/fixed?count=" + COUNT).expect(200);
		}
		String before = this.analyses.dump("fixed-before");
		for (String pattern : PATTERNS) {
			this.client.post("/demo/patterns/" + pattern + "/fixed?count=" + COUNT).expect(200);
		}
		String after = this.analyses.dump("fixed-after");
		JsonNode growth = this.analyses.analyse("{\"from\": \"" + before + "\", \"to\": \"" + after
				+ "\", \"classes\": " + classes(CLASSES) + "}");
		assertThat(growth.path("from").asString()).isEqualTo(before);
		assertThat(growth.path("growth").path("classes")).hasSize(CLASSES.size()).allSatisfy((type) -> {
			assertThat(type.path("growing").asBoolean()).as("%s", type).isFalse();
			for (JsonNode owner : type.path("owners")) {
				assertThat(owner.path("instancesDelta").asLong()).as("%s", owner).isLessThanOrEqualTo(0);
			}
		});
		assertThat(growth.path("summary")).allSatisfy((line) -> assertThat(line.asString()).contains("no owner grew"));
	}

}
