package io.leaks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.leaks.e2e.AnalysisClient.finding;
import static io.leaks.e2e.AnalysisClient.references;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis never uses the application's heap: the demo app runs with a small heap and
 * analyses a dump larger than that heap, and carries on.
 */
class AnalysisOnSmallHostEndToEndTests {

	private static final String ORDER = BigHeap.Order.class.getName();

	private static final int HOST_HEAP_MB = 112;

	@TempDir
	Path dumps;

	@Test
	void aDumpLargerThanTheHostsHeapShouldBeAnalysedWhileTheHostCarriesOn() throws Exception {
		String name = "heapdump-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
			.withZone(ZoneOffset.UTC)
			.format(Instant.now()) + "-live-big.hprof";
		Path dump = this.dumps.resolve(name);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process fixture = new ProcessBuilder(java, "-Xmx400m", "-cp", System.getProperty("java.class.path"),
				BigHeap.class.getName(), dump.toString(), "160")
			.inheritIO()
			.start();
		assertThat(fixture.waitFor()).isZero();
		try (DemoApp app = DemoApp.start("analysis-small-host", List.of("-Xmx" + HOST_HEAP_MB + "m"),
				List.of("--leaks.heap-dump.directory=" + this.dumps, "--leaks.analysis.niceness=0",
						"--leaks.trend.enabled=false"))) {
			DemoClient client = new DemoClient(app).awaitReady();
			long hostMaxHeap = client.get("/actuator/leaks").expect(200).body().path("heap").path("max").asLong();
			assertThat(Files.size(dump)).as("the dump is larger than the host's whole heap")
				.isGreaterThan(hostMaxHeap);
			JsonNode analysis = new AnalysisClient(client, app)
				.analyse("{\"heapDump\": \"latest\", \"classes\": [\"" + ORDER + "\"]}");
			JsonNode orders = finding(analysis, ORDER);
			assertThat(orders.path("instances").asLong()).isEqualTo(160 * 1024);
			JsonNode owner = orders.path("owners").get(0);
			assertThat(owner.path("instances").asLong()).isEqualTo(160 * 1024);
			assertThat(references(owner.path("path"))).containsExactly("io.leaks.e2e.BigHeap.ORDERS",
					"java.util.ArrayList.");
			assertThat(analysis.path("analyzer").path("maxHeapBytes").asLong()).isLessThanOrEqualTo(256L << 20);
			assertThat(app.isAlive()).isTrue();
			assertThat(client.get("/actuator/health").expect(200).body().path("status").asString()).isEqualTo("UP");
		}
	}

}
