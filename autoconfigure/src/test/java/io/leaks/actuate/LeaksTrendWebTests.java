package io.leaks.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trend analysis over real HTTP on a random port, judging the real JVM every 200 ms.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks,health,prometheus",
				"management.endpoint.health.show-details=always", "leaks.trend.interval=200ms",
				"leaks.trend.warmup=0s", "leaks.trend.min-evidence=1m" })
@AutoConfigureTestRestTemplate
class LeaksTrendWebTests {

	/** Written to so the allocations are not optimised away. */
	static volatile byte[] sink;

	@Autowired
	private TestRestTemplate rest;

	@Test
	void trendShouldAnswerTheVerdictForHeapMetaspaceAndThreads() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !String.valueOf(get("/actuator/leaks/trend").getBody().get("reason")).startsWith("Not judged"));
		ResponseEntity<Map> response = get("/actuator/leaks/trend");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = response.getBody();
		assertThat(body.get("status")).isIn("COLLECTING", "STABLE");
		// Actuator leaves out nulls: projectedExhaustion, projection and suspectedAt appear with a leak.
		assertThat(body).containsKeys("growthBytesPerMinute", "suspects", "evidence", "reason", "suspicion", "notes",
				"histograms", "warnings", "judgedAt");
		assertThat(body).doesNotContainKeys("projectedExhaustion", "suspectedAt");
		assertThat((List<?>) body.get("suspects")).isEmpty();
		assertThat((Map<String, Object>) body.get("evidence")).containsKeys("basis", "spanSeconds", "points", "kinds",
				"trendZ", "pace");
		assertThat((Map<String, Object>) body.get("metaspace")).containsKeys("status", "growthPerMinute", "reason");
		assertThat((Map<String, Object>) body.get("threads")).containsKey("status");
		assertThat((Map<String, Object>) body.get("settings")).containsEntry("interval", "PT0.2S")
			.containsEntry("minEvidence", "PT1M")
			.doesNotContainKey("histogramSpacing")
			.containsEntry("forcedBudget", 3);
	}

	@Test
	void historyShouldHoldSamplesAndCollectionsForCharts() {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			allocate(32);
			Map<String, Object> body = get("/actuator/leaks/history").getBody();
			return ((List<?>) body.get("samples")).size() >= 3 && !((List<?>) body.get("collections")).isEmpty();
		});
		Map<String, Object> body = get("/actuator/leaks/history").getBody();
		Map<String, Object> sample = (Map<String, Object>) ((List<?>) body.get("samples")).get(0);
		assertThat(sample).containsKeys("at", "heapUsed", "heapCommitted", "heapMax", "metaspaceUsed",
				"loadedClasses", "liveThreads", "directBytes", "mappedBytes", "residentBytes");
		assertThat(((Number) sample.get("heapMax")).longValue()).isPositive();
		Map<String, Object> collection = (Map<String, Object>) ((List<?>) body.get("collections")).get(0);
		assertThat(collection).containsKeys("at", "collector", "kind", "cause", "durationMillis", "heapBefore",
				"heapAfter", "heapCommitted");
		assertThat(body).containsKey("floor");
	}

	@Test
	void healthShouldShowTheVerdictsAndStayUp() {
		ResponseEntity<Map> response = get("/actuator/health");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> leaks = (Map<String, Object>) ((Map<String, Object>) response.getBody().get("components"))
			.get("leaks");
		assertThat(leaks).containsEntry("status", "UP");
		Map<String, Object> details = (Map<String, Object>) leaks.get("details");
		assertThat(details).containsKeys("heap", "metaspace", "threads");
		assertThat((Map<String, Object>) details.get("heap")).containsKeys("status", "growthPerMinute", "reason");
	}

	@Test
	void prometheusShouldShowTheLeaksMeters() {
		ResponseEntity<String> response = this.rest.getForEntity("/actuator/prometheus", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("leaks_heap_floor_bytes", "leaks_heap_growth_rate_bytes_per_second",
				"leaks_heap_time_to_exhaustion_seconds", "leaks_suspected{resource=\"heap\",severity=\"hours\"} 0.0",
				"leaks_suspected{resource=\"threads\",severity=\"days\"} 0.0",
				"leaks_forced_collections_total{own=\"true\",reason=\"histogram\"} 0.0",
				"leaks_forced_collections_budget 3.0");
		// The growth rate was once exported as plain bytes.
		assertThat(response.getBody()).doesNotContainPattern("(?m)^leaks_heap_growth_rate_bytes[ {]");
		assertThat(response.getBody()).containsPattern("(?m)^leaks_memory_limit_bytes [1-9][0-9.E]+$");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.rest.getForEntity("/actuator/prometheus", String.class).getBody())
				.as("resident memory once the first sample is taken")
				.containsPattern("(?m)^leaks_memory_resident_bytes [1-9][0-9.E]+$"));
	}

	@Test
	void unknownTrendPathsShouldBeNotFoundWithJson() {
		ResponseEntity<Map> response = get("/actuator/leaks/trend/anything");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("status", 404);
		assertThat((String) response.getBody().get("message")).contains("GET trend");
	}

	private ResponseEntity<Map> get(String path) {
		return this.rest.getForEntity(path, Map.class);
	}

	private static void allocate(int megabytes) {
		for (int i = 0; i < megabytes; i++) {
			sink = new byte[1024 * 1024];
		}
	}

}
