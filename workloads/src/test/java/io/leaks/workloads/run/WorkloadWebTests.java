package io.leaks.workloads.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trace.TraceRecording;
import io.leaks.workloads.WorkloadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A short listener leak run in the real service over HTTP: it leaks while it runs, serves its
 * own API, ends by itself, and leaves a trace with its phases marked.
 */
@SpringBootTest(classes = WorkloadApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkloadWebTests {

	@TempDir
	static Path traces;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("workload.scenario", () -> "listener-leak");
		registry.add("workload.duration", () -> "20s");
		registry.add("workload.rate", () -> "60MiB/min");
		registry.add("workload.exit", () -> "false");
		registry.add("workload.background.allocation", () -> "4MiB/s");
		registry.add("workload.background.http", () -> "10/s");
		registry.add("leaks.trend.interval", () -> "1s");
		registry.add("leaks.trend.record-to", () -> traces.resolve("run.trace.gz").toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	TraceRecording recording;

	@Test
	void runShouldLeakEndByItselfAndMarkItsPhasesInTheTrace() throws Exception {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		await().atMost(Duration.ofSeconds(15)).until(() -> status(client).held() > 0);
		WorkloadStatus running = status(client);
		assertThat(running.ended()).isFalse();
		assertThat(running.scenario()).isEqualTo("listener-leak");
		assertThat(running.label()).isEqualTo("leak");
		assertThat(running.leaking()).isTrue();
		assertThat(running.leakStartedSeconds()).isZero();
		assertThat(running.description()).contains("OrderListener", "at 60.0MiB/min");
		String order = client.get().uri("/api/orders/42").retrieve().body(String.class);
		assertThat(order).startsWith("{\"id\":42,").contains("\"lines\":[{\"sku\":");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(client).ended());
		WorkloadStatus ended = status(client);
		assertThat(ended.held()).isZero();
		assertThat(ended.requests()).isGreaterThan(100);
		// Finish the file as the context would when it closes: a trace still being written
		// reads without its last line.
		this.recording.close();
		Trace trace = TraceReader.read(traces.resolve("run.trace.gz"));
		List<String> marks = trace.marks().stream().map(Trace.Mark::text).toList();
		assertThat(marks).startsWith("start").contains("leak-start").endsWith("end");
		assertThat(marks.get(1)).startsWith("scenario listener-leak: listener leak");
		assertThat(trace.end()).isEqualTo("closed");
		assertThat(trace.collections()).isNotEmpty();
		assertThat(Files.size(traces.resolve("run.trace.gz"))).isPositive();
	}

	private static WorkloadStatus status(RestClient client) {
		return client.get().uri("/workload").retrieve().body(WorkloadStatus.class);
	}

}
