package io.leaks.actuate;

import java.util.Map;

import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposed but with the default access: reads work, nothing that changes state or forces a
 * collection does.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=leaks")
@AutoConfigureTestRestTemplate
class LeaksEndpointReadOnlyWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Snapshots snapshots;

	@Test
	void overviewShouldWorkAndReportReadOnlyAccess() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((Map<String, Object>) response.getBody().get("supports")).containsEntry("access", "READ_ONLY");
	}

	@Test
	void comparingWithNowShouldBeAWriteThatReadOnlyAccessRefusesWithoutTouchingTheHeap() {
		this.snapshots.take("taken-by-the-application", true);
		this.snapshots.take("all-objects", false);
		try {
			long fullCollections = LeaksEndpointWebTests.fullCollections();
			for (String from : new String[] { "taken-by-the-application", "all-objects" }) {
				ResponseEntity<Map> read = this.rest.getForEntity("/actuator/leaks/compare?from=" + from + "&to=now",
						Map.class);
				assertThat(read.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
				assertThat((String) read.getBody().get("message")).contains("POST /actuator/leaks/compare")
					.contains("management.endpoint.leaks.access=unrestricted");
			}
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			ResponseEntity<Map> write = this.rest.exchange("/actuator/leaks/compare", HttpMethod.POST,
					new HttpEntity<>("{\"from\": \"all-objects\"}", headers), Map.class);
			assertThat(write.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat((String) write.getBody().get("message")).contains("management.endpoint.leaks.access");
			assertThat(LeaksEndpointWebTests.fullCollections()).isEqualTo(fullCollections);
			ResponseEntity<Map> stored = this.rest
				.getForEntity("/actuator/leaks/compare?from=taken-by-the-application&to=all-objects", Map.class);
			assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			this.snapshots.store().remove("taken-by-the-application");
			this.snapshots.store().remove("all-objects");
		}
	}

	@Test
	void noAnswerShouldTellAReadOnlyCallerAFileSystemPath() {
		String tmp = System.getProperty("java.io.tmpdir");
		ResponseEntity<Map> dumps = this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class);
		assertThat(dumps.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(dumps.getBody()).doesNotContainKey("directory").containsKey("dumps");
		ResponseEntity<Map> tuning = this.rest.getForEntity("/actuator/leaks/tuning", Map.class);
		assertThat((Map<String, Object>) tuning.getBody().get("settings")).containsEntry("leaks.heap-dump.directory",
				"(a path, shown with management.endpoint.leaks.access=unrestricted)");
		ResponseEntity<Map> analyses = this.rest.getForEntity("/actuator/leaks/analyses", Map.class);
		assertThat(analyses.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(analyses.getBody()).doesNotContainKey("directory").containsKey("analyses");
		for (String path : new String[] { "/actuator/leaks", "/actuator/leaks/heapdumps", "/actuator/leaks/tuning",
				"/actuator/leaks/heapdumps/heapdump-20260301T101500123Z-live.hprof", "/actuator/leaks/trend",
				"/actuator/leaks/analyses", "/actuator/leaks/analyses/a-20260301T101500123Z" }) {
			assertThat(this.rest.getForEntity(path, String.class).getBody()).as(path).doesNotContain(tmp);
		}
	}

	@Test
	void writeOperationsShouldBeRefusedWithoutForcingACollection() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> snapshot = this.rest.exchange("/actuator/leaks/snapshots", HttpMethod.POST,
				new HttpEntity<>("{\"label\": \"x\"}", headers), Map.class);
		assertThat(snapshot.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat((String) snapshot.getBody().get("message")).contains("management.endpoint.leaks.access");
		ResponseEntity<Map> gc = this.rest.exchange("/actuator/leaks/gc", HttpMethod.POST,
				new HttpEntity<>(null, headers), Map.class);
		assertThat(gc.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		ResponseEntity<Map> analysis = this.rest.exchange("/actuator/leaks/analyses", HttpMethod.POST,
				new HttpEntity<>("{\"classes\": [\"x.Y\"]}", headers), Map.class);
		assertThat(analysis.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat((String) analysis.getBody().get("message")).contains("management.endpoint.leaks.access");
		assertThat(this.rest.exchange("/actuator/leaks/analyses/a-20260301T101500123Z", HttpMethod.DELETE,
				new HttpEntity<>(null, headers), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(this.rest.getForEntity("/actuator/leaks/snapshots", Map.class).getBody())
			.containsEntry("snapshots", java.util.List.of());
	}

}
