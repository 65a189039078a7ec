package io.leaks.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leaks.analysis.AnalysisFixtures;
import io.leaks.heapdump.HeapDumpNames;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/leaks/analyses} over real HTTP: dumps of a small fixture JVM in the dump
 * directory, analysed by the real analyzer in its own JVM.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks", "management.endpoint.leaks.access=unrestricted",
				"leaks.analysis.niceness=0", "leaks.trend.enabled=false" })
@AutoConfigureTestRestTemplate
class AnalysisEndpointWebTests {

	private static final String SUBSCRIBER = AnalysisFixtures.SUBSCRIBER;

	@TempDir
	static Path temp;

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> temp.resolve("dumps").toString());
	}

	@Test
	void postShouldAnswer202AndTheAnalysisShouldNameTheHolderWhenDone() throws Exception {
		String dump = dump(1000);
		ResponseEntity<Map> started = post("{\"heapDump\": \"latest\", \"classes\": [\"" + SUBSCRIBER + "\"]}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String id = (String) started.getBody().get("id");
		assertThat(started.getBody()).containsEntry("status", "QUEUED")
			.containsEntry("heapDump", dump)
			.containsEntry("classes", List.of(SUBSCRIBER))
			.containsEntry("classesFrom", "request")
			.containsEntry("automatic", false);
		Map<String, Object> done = awaitFinished(id);
		assertThat(done).containsEntry("status", "DONE").containsKeys("startedAt", "finishedAt", "durationMillis",
				"analyzer");
		assertThat((List<String>) done.get("summary")).singleElement()
			.asString()
			.startsWith("AnalysisFixture$Subscriber: 1,300 instances")
			.contains("static field AnalysisFixture.SUBSCRIBERS \u2192 CopyOnWriteArrayList holds 1,000")
			.contains("thread-local of thread 'test-worker-7'");
		Map<String, Object> result = (Map<String, Object>) done.get("result");
		Map<String, Object> finding = ((List<Map<String, Object>>) result.get("classes")).get(0);
		assertThat(finding).containsEntry("className", SUBSCRIBER).containsEntry("instances", 1300);
		Map<String, Object> owner = ((List<Map<String, Object>>) finding.get("owners")).get(0);
		assertThat(owner).containsEntry("className", "java.util.concurrent.CopyOnWriteArrayList")
			.containsEntry("instances", 1000);
		Map<String, Object> path = (Map<String, Object>) owner.get("path");
		assertThat((Map<String, Object>) path.get("root")).containsEntry("kind", "STATIC_FIELD");
		assertThat(((List<Map<String, Object>>) path.get("steps")).get(0)).containsEntry("referenceKind", "STATIC_FIELD")
			.containsEntry("reference", "SUBSCRIBERS");

		ResponseEntity<Map> list = this.rest.getForEntity("/actuator/leaks/analyses", Map.class);
		assertThat(list.getBody()).containsEntry("busy", false)
			.containsEntry("maxCount", 20)
			.containsEntry("directory", temp.resolve("dumps").resolve("analyses").toString());
		assertThat((List<Map<String, Object>>) list.getBody().get("analyses")).anySatisfy((listed) -> {
			assertThat(listed).containsEntry("id", id).containsEntry("status", "DONE").doesNotContainKey("result");
			assertThat((List<?>) listed.get("summary")).hasSize(1);
		});

		ResponseEntity<Map> deleted = exchange(HttpMethod.DELETE, "/actuator/leaks/analyses/" + id, null);
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deleted.getBody()).containsEntry("deleted", id);
		assertThat(this.rest.getForEntity("/actuator/leaks/analyses/" + id, Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aSecondAnalysisWhileOneRunsShouldBe429() throws Exception {
		dump(100);
		String body = "{\"classes\": [\"" + SUBSCRIBER + "\"]}";
		ResponseEntity<Map> first = post(body);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		ResponseEntity<Map> second = post(body);
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat((String) second.getBody().get("message")).contains("one at a time")
			.contains((String) first.getBody().get("id"));
		awaitFinished((String) first.getBody().get("id"));
	}

	@Test
	void badRequestsShouldBe4xxWithAMessageThatSaysWhatToDo() throws Exception {
		String dump = dump(10);
		assertRefused(post("{\"classes\": [\"not a class!\"]}"), HttpStatus.BAD_REQUEST, "is not a class name");
		assertRefused(post("{\"heapDump\": \"" + dump + "\", \"from\": \"" + dump + "\", \"classes\": [\"x.Y\"]}"),
				HttpStatus.BAD_REQUEST, "not both");
		assertRefused(post("{\"to\": \"" + dump + "\", \"classes\": [\"x.Y\"]}"), HttpStatus.BAD_REQUEST,
				"needs the earlier dump");
		assertRefused(post("{\"from\": \"" + dump + "\", \"to\": \"" + dump + "\", \"classes\": [\"x.Y\"]}"),
				HttpStatus.BAD_REQUEST, "two different dumps");
		assertRefused(post("{\"heapDump\": \"latest\"}"), HttpStatus.BAD_REQUEST, "Name the classes to analyse");
		assertRefused(post("{\"heapDump\": \"../../etc/passwd\", \"classes\": [\"x.Y\"]}"), HttpStatus.BAD_REQUEST,
				"");
		assertRefused(post("{\"heapDump\": \"heapdump-20200101T000000000Z-live.hprof\", \"classes\": [\"x.Y\"]}"),
				HttpStatus.NOT_FOUND, "GET /actuator/leaks/heapdumps lists them");
		assertRefused(post("{\"label\": \"x\", \"classes\": [\"x.Y\"]}"), HttpStatus.BAD_REQUEST, "label");
		assertRefused(this.rest.getForEntity("/actuator/leaks/analyses/a-nothing", Map.class), HttpStatus.NOT_FOUND,
				"No analysis 'a-nothing'");
		assertThat(this.rest.getForEntity("/actuator/leaks/analyses", Map.class).getBody()).containsEntry("busy",
				false);
	}

	private void assertRefused(ResponseEntity<Map> response, HttpStatus status, String message) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody()).containsEntry("status", status.value());
		assertThat((String) response.getBody().get("message")).contains(message);
	}

	private Map<String, Object> awaitFinished(String id) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Object status = this.rest.getForEntity("/actuator/leaks/analyses/" + id, Map.class).getBody().get("status");
			return "DONE".equals(status) || "FAILED".equals(status);
		});
		return this.rest.getForEntity("/actuator/leaks/analyses/" + id, Map.class).getBody();
	}

	private static int dumps;

	private static String dump(int subscribers) throws Exception {
		Path directory = Files.createDirectories(temp.resolve("dumps"));
		String name = HeapDumpNames.generate(Instant.now().plusSeconds(dumps++), true, null);
		AnalysisFixtures.dump(directory.resolve(name), subscribers);
		return name;
	}

	private ResponseEntity<Map> post(String json) {
		return exchange(HttpMethod.POST, "/actuator/leaks/analyses", json);
	}

	private ResponseEntity<Map> exchange(HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
	}

}
