package io.leaks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * driven between two dumps, must show no owner growing. The app runs with a small heap
 * throughout and also analyses a dump larger than that heap: the analysis never uses the
 * application's heap. One app serves every test.
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

	private static final int COUNT = 1000;

	private static final String ORDER = BigHeap.Order.class.getName();

	/** The host's whole heap: enough for the demo app and its patterns, less than the big dump. */
	private static final int HOST_HEAP_MB = 64;

	/** Orders, of about a kilobyte each, that the big dump holds: more than the host's heap. */
	private static final int BIG_DUMP_MB = 72;

	/** Static: a per-class test instance gets its fields injected only after {@code @BeforeAll}. */
	@TempDir
	static Path dumps;

	private DemoApp app;

	private DemoClient client;

	private AnalysisClient analyses;

	private String bigDump;

	@BeforeAll
	void start() throws Exception {
		// The big dump is written by a JVM of its own while the app starts.
		this.bigDump = "heapdump-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
			.withZone(ZoneOffset.UTC)
			.format(Instant.now()) + "-live-big.hprof";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process fixture = new ProcessBuilder(java, "-Xmx" + (BIG_DUMP_MB * 2) + "m", "-cp",
				System.getProperty("java.class.path"), BigHeap.class.getName(), dumps.resolve(this.bigDump).toString(),
				String.valueOf(BIG_DUMP_MB))
			.inheritIO()
			.start();
		try {
			this.app = DemoApp.start("analysis", List.of("-Xmx" + HOST_HEAP_MB + "m"),
					List.of("--leaks.heap-dump.directory=" + dumps, "--leaks.heap-dump.free-space-margin=10MB",
							"--leaks.analysis.niceness=0", "--leaks.trend.enabled=false"));
			this.client = new DemoClient(this.app).awaitReady();
			this.analyses = new AnalysisClient(this.client, this.app);
			assertThat(fixture.waitFor(2, TimeUnit.MINUTES)).as("the big dump is written").isTrue();
			assertThat(fixture.exitValue()).isZero();
		}
		finally {
			fixture.destroyForcibly();
		}
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

		// OrderEventBus's subscribers by order (a map of one-listener sets), reached through
		// the pattern's leaking bus: the map is what holds them all.
		JsonNode listeners = finding(analysis, LISTENER);
		assertThat(listeners.path("reachable").asLong()).isEqualTo(COUNT);
		JsonNode bus = listeners.path("owners").get(0);
		assertThat(bus.path("instances").asLong()).isEqualTo(COUNT);
		assertThat(bus.path("className").asString()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
		assertThat(references(bus.path("path"))).endsWith("io.leaks.demo.listeners.ListenersPattern.leakingBus",
				"io.leaks.demo.listeners.OrderEventBus.subscribers", "java.util.concurrent.ConcurrentHashMap.");
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

	@Test
	void aDumpLargerThanTheHostsHeapShouldBeAnalysedWhileTheHostCarriesOn() throws Exception {
		long hostMaxHeap = this.client.get("/actuator/leaks").expect(200).body().path("heap").path("max").asLong();
		assertThat(Files.size(dumps.resolve(this.bigDump))).as("the dump is larger than the host's whole heap")
			.isGreaterThan(hostMaxHeap);
		JsonNode analysis = this.analyses
			.analyse("{\"heapDump\": \"" + this.bigDump + "\", \"classes\": [\"" + ORDER + "\"]}");
		JsonNode orders = finding(analysis, ORDER);
		assertThat(orders.path("instances").asLong()).isEqualTo(BIG_DUMP_MB * 1024);
		JsonNode owner = orders.path("owners").get(0);
		assertThat(owner.path("instances").asLong()).isEqualTo(BIG_DUMP_MB * 1024);
		assertThat(references(owner.path("path"))).containsExactly("io.leaks.e2e.BigHeap.ORDERS",
				"java.util.ArrayList.");
		assertThat(analysis.path("analyzer").path("maxHeapBytes").asLong()).isLessThanOrEqualTo(256L << 20);
		assertThat(this.app.isAlive()).isTrue();
		assertThat(this.client.get("/actuator/health").expect(200).body().path("status").asString())
			.isEqualTo("UP");
	}

}
