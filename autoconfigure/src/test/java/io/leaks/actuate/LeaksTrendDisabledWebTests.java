package io.leaks.actuate;

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

/**
 * With the trend analysis switched off, its resources say so and how to turn it on.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks", "leaks.trend.enabled=false" })
@AutoConfigureTestRestTemplate
class LeaksTrendDisabledWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void trendAndHistoryShouldBeNotFoundWithTheSettingToChange() {
		for (String path : new String[] { "/actuator/leaks/trend", "/actuator/leaks/history" }) {
			ResponseEntity<Map> response = this.rest.getForEntity(path, Map.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getBody()).containsEntry("status", 404);
			assertThat((String) response.getBody().get("message")).contains("leaks.trend.enabled=true");
		}
	}

}
