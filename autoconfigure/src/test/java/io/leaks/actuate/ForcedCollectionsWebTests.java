package io.leaks.actuate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every full collection forced through the endpoint is counted by why, on {@code /trend}
 * and in the meters, over real HTTP: what users ask for is no budget of the starter's, but
 * it is seen.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks,prometheus",
				"management.endpoint.leaks.access=unrestricted", "leaks.trend.interval=200ms" })
@AutoConfigureTestRestTemplate
class ForcedCollectionsWebTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> temp.resolve("dumps").toString());
	}

	@Autowired
	private TestRestTemplate rest;

	@Test
	void collectionsForcedOnRequestShouldBeCountedByReasonAndNotAgainstTheBudget() {
		assertThat(post("/actuator/leaks/gc", "{}").getStatusCode().value()).isEqualTo(200);
		assertThat(post("/actuator/leaks/snapshots", "{\"label\": \"counted\", \"liveOnly\": true}").getStatusCode()
			.value()).isEqualTo(201);
		assertThat(post("/actuator/leaks/snapshots", "{\"label\": \"all-objects\", \"liveOnly\": false}")
			.getStatusCode()
			.value()).as("a snapshot of all objects forces nothing").isEqualTo(201);
		assertThat(post("/actuator/leaks/heapdumps", "{\"label\": \"counted\", \"live\": true}").getStatusCode().value())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> forced = forced();
			assertThat((Map<String, Object>) forced.get("byReason")).containsEntry("gc", 1)
				.containsEntry("snapshot", 1)
				.containsEntry("dump", 1)
				.containsEntry("histogram", 0)
				.containsEntry("automatic-dump", 0);
		});
		assertThat(forced()).containsEntry("usedInPeriod", 0);
		String scrape = this.rest.getForObject("/actuator/prometheus", String.class);
		assertThat(scrape).contains("leaks_forced_collections_total{own=\"false\",reason=\"gc\"} 1.0")
			.contains("leaks_forced_collections_total{own=\"false\",reason=\"snapshot\"} 1.0")
			.contains("leaks_forced_collections_total{own=\"false\",reason=\"dump\"} 1.0");
	}

	private Map<String, Object> forced() {
		Map<String, Object> trend = this.rest.getForObject("/actuator/leaks/trend", Map.class);
		return (Map<String, Object>) trend.get("forcedCollections");
	}

	private ResponseEntity<Map> post(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
	}

}
