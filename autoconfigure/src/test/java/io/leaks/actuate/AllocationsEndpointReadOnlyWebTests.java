package io.leaks.actuate;

import java.util.Map;

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
 * With the default read-only access the recordings can be listed, but starting one is a
 * write.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=leaks")
@AutoConfigureTestRestTemplate
class AllocationsEndpointReadOnlyWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void listShouldWorkAndStartingShouldBe405NamingTheAccessProperty() {
		ResponseEntity<Map> list = this.rest.getForEntity("/actuator/leaks/allocations", Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).containsEntry("maxDurationMillis", 600_000).containsEntry("defaultDurationMillis", 60_000);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> refused = this.rest.exchange("/actuator/leaks/allocations", HttpMethod.POST,
				new HttpEntity<>("{\"duration\": \"5s\"}", headers), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat((String) refused.getBody().get("message")).contains("management.endpoint.leaks.access=unrestricted");
	}

}
