package io.leaks.e2e;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waits on allocation recordings of the demo app.
 */
final class Allocations {

	private Allocations() {
	}

	/**
	 * Waits until a recording is no longer running.
	 * @param client the demo app's client
	 * @param id the recording
	 * @return the recording as it ended
	 */
	static JsonNode awaitDone(DemoClient client, String id) {
		return await("allocation recording " + id).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> client.get("/actuator/leaks/allocations/" + id).expect(200).body(),
					(recording) -> !"RUNNING".equals(recording.path("status").asString()));
	}

	/**
	 * Runs a pattern's leaking variant until collections have run during the recording (JFR
	 * reports only old-object samples that survived one), then waits for its end.
	 * @param client the demo app's client
	 * @param id the recording, with old objects
	 * @param pattern the pattern to run
	 * @return the recording as it ended
	 */
	static JsonNode leakUntilCollected(DemoClient client, String id, String pattern) {
		JsonNode recording = client.get("/actuator/leaks/allocations/" + id).expect(200).body();
		while ("RUNNING".equals(recording.path("status").asString())
				&& recording.path("oldObjects").path("collections").asLong() < 2) {
			client.run(pattern, "leaking", 2000);
			recording = client.get("/actuator/leaks/allocations/" + id).expect(200).body();
		}
		assertThat(recording.path("oldObjects").path("collections").asLong())
			.as("collections while recording %s", recording)
			.isGreaterThanOrEqualTo(2);
		return awaitDone(client, id);
	}

}
