package io.leaks.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.example.orders.OrderLedger;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.JfrAllocationRecorder;
import io.leaks.gc.CollectionGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Allocation recordings over real HTTP on a random port, recorded by this JVM's JFR while
 * {@link OrderLedger} allocates. The recordings are the application's own bean here, told
 * that old objects are unavailable (as under Shenandoah), so that the 503 can be seen
 * without another collector.
 */
@SpringBootTest(classes = { LeaksTestApplication.class, AllocationsEndpointWebTests.ShenandoahLike.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
				"management.endpoints.web.exposure.include=leaks", "management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class AllocationsEndpointWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private AllocationRecordings recordings;

	@AfterEach
	void forgetRecordings() {
		this.recordings.list().forEach((recording) -> this.recordings.delete(recording.id()));
		OrderLedger.clear();
	}

	@Test
	void postShouldAnswer202AndTheRecordingShouldNameTheAllocatingMethod() throws InterruptedException {
		ResponseEntity<Map> started = post("{\"duration\": \"2s\", \"classes\": [\"[B\", \"com.example.orders.OrderLedger\"], "
				+ "\"oldObjects\": false}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		Map<String, Object> body = started.getBody();
		assertThat(body).containsEntry("status", "RUNNING").containsEntry("durationMillis", 2000);
		assertThat(body.get("requestedClasses")).isEqualTo(List.of("byte[]", "com.example.orders.OrderLedger"));
		String id = (String) body.get("id");
		OrderLedger.recordFor(1500);
		Map<String, Object> done = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.rest.getForEntity("/actuator/leaks/allocations/" + id, Map.class).getBody(),
					(recording) -> !"RUNNING".equals(recording.get("status")));
		assertThat(done).containsEntry("status", "DONE").containsKey("finishedAt");
		List<Map<String, Object>> classes = (List<Map<String, Object>>) done.get("classes");
		assertThat(classes).extracting((c) -> c.get("className")).containsExactly("byte[]", "com.example.orders.OrderLedger");
		List<Map<String, Object>> sites = (List<Map<String, Object>>) classes.get(0).get("sites");
		assertThat(sites).filteredOn((site) -> Boolean.TRUE.equals(site.get("applicationFrame")))
			.first()
			.satisfies((site) -> assertThat((String) site.get("site")).startsWith("com.example.orders.OrderLedger.record:"));
		assertThat(((Map<String, Object>) done.get("oldObjects")).get("status")).isEqualTo("OFF");
		Map<String, Object> list = this.rest.getForEntity("/actuator/leaks/allocations", Map.class).getBody();
		assertThat((List<Map<String, Object>>) list.get("recordings")).singleElement()
			.satisfies((summary) -> assertThat(summary).containsEntry("id", id).containsEntry("status", "DONE"));
		assertThat(list).containsEntry("oldObjectsUnavailableUnder", "Shenandoah").doesNotContainKey("running");
	}

	@Test
	void secondRecordingShouldBe429AndDeleteShouldStopTheFirst() {
		String id = (String) post("{\"duration\": \"1m\", \"oldObjects\": false}").getBody().get("id");
		ResponseEntity<Map> busy = post("{\"duration\": \"5s\", \"oldObjects\": false}");
		assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat((String) busy.getBody().get("message")).contains("Recording " + id + " is running until");
		assertThat(this.rest.getForEntity("/actuator/leaks/allocations", Map.class).getBody()).containsEntry("running", id);
		ResponseEntity<Map> deleted = this.rest.exchange("/actuator/leaks/allocations/" + id, HttpMethod.DELETE, null,
				Map.class);
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) deleted.getBody().get("message")).contains("stopped");
		assertThat(this.rest.getForEntity("/actuator/leaks/allocations/" + id, Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void oldObjectsWhereTheCollectorCannotSampleThemShouldBe503SayingWhy() {
		ResponseEntity<Map> refused = post("{\"duration\": \"5s\"}");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) refused.getBody().get("message")).contains("unavailable under Shenandoah")
			.contains("\"oldObjects\": false");
		assertThat(this.recordings.list()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"duration\": \"500ms\"}|duration must be from 1s to 10m",
			"{\"duration\": \"11m\"}|was 11m", "{\"duration\": \"60\"}|duration needs a unit",
			"{\"duration\": \"soon\"}|such as 60s, 2m or PT1M", "{\"classes\": [\"../etc/passwd\"]}|is not a class name",
			"{\"classes\": \"a b\"}|is not a class name", "{\"classes\": [[\"byte[]\"]]}|must be a string, number or boolean",
			"{\"oldObjects\": \"maybe\"}|oldObjects must be true or false", "{\"label\": \"x\"}|does not take label",
			"[\"1s\"]|must be a JSON object", "{\"duration\": |not valid JSON" })
	void badRequestsShouldBe400WithAJsonMessage(String body, String message) {
		ResponseEntity<Map> refused = post(body);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).containsEntry("status", 400);
		assertThat((String) refused.getBody().get("message")).contains(message);
		assertThat(this.recordings.list()).isEmpty();
	}

	@Test
	void unknownRecordingsShouldBe404() {
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
			ResponseEntity<Map> missing = this.rest.exchange("/actuator/leaks/allocations/42", method, null, Map.class);
			assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat((String) missing.getBody().get("message")).contains("No allocation recording '42'");
		}
	}

	private ResponseEntity<Map> post(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange("/actuator/leaks/allocations", HttpMethod.POST, new HttpEntity<>(json, headers),
				Map.class);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ShenandoahLike {

		@Bean
		AllocationRecordings allocationRecordings(CollectionGuard guard) {
			return new AllocationRecordings(new JfrAllocationRecorder(), "Shenandoah",
					new AllocationRecordings.Settings(Duration.ofSeconds(60), Duration.ofMinutes(10), 300,
							Duration.ofSeconds(1), false, 10, 10, 10, 10, List.of()),
					guard, Clock.systemUTC());
		}

	}

}
