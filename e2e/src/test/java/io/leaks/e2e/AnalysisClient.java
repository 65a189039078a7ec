package io.leaks.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heap dumps and their analyses through the demo app's {@code /actuator/leaks}.
 */
final class AnalysisClient {

	private final DemoClient client;

	private final DemoApp app;

	AnalysisClient(DemoClient client, DemoApp app) {
		this.client = client;
		this.app = app;
	}

	String dump(String label) {
		return this.client.postJson("/actuator/leaks/heapdumps", "{\"label\":\"" + label + "\"}")
			.expect(201)
			.body()
			.path("name")
			.asString();
	}

	/**
	 * Starts an analysis and waits for it to finish.
	 * @param body the request
	 * @return the finished analysis
	 */
	JsonNode analyse(String body) {
		String id = this.client.postJson("/actuator/leaks/analyses", body).expect(202).body().path("id").asString();
		return awaitFinished(id);
	}

	JsonNode awaitFinished(String id) {
		await("analysis " + id).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (!this.app.isAlive()) {
				throw new IllegalStateException("The demo app died:\n" + this.app.logTail(40));
			}
			String status = this.client.get("/actuator/leaks/analyses/" + id).expect(200).body().path("status")
				.asString();
			return "DONE".equals(status) || "FAILED".equals(status);
		});
		JsonNode analysis = this.client.get("/actuator/leaks/analyses/" + id).expect(200).body();
		assertThat(analysis.path("status").asString()).as("%s", analysis).isEqualTo("DONE");
		return analysis;
	}

	static JsonNode finding(JsonNode analysis, String className) {
		for (JsonNode finding : analysis.path("result").path("classes")) {
			if (finding.path("className").asString().equals(className)) {
				return finding;
			}
		}
		throw new AssertionError("No finding for " + className + " in " + analysis);
	}

	static List<String> references(JsonNode path) {
		List<String> references = new ArrayList<>();
		for (JsonNode step : path.path("steps")) {
			references.add(step.path("className").asString() + "." + step.path("reference").asString(""));
		}
		return references;
	}

	static String classes(List<String> classes) {
		return "[\"" + String.join("\", \"", classes) + "\"]";
	}

}
