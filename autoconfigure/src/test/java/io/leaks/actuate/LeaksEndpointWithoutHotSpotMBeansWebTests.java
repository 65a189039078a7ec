package io.leaks.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerFactory;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.SnapshotStore;
import org.junit.jupiter.api.Test;

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

/**
 * A JVM without HotSpot's DiagnosticCommand MBean (OpenJ9, restricted environments),
 * simulated with a real but empty MBean server: the application starts and the affected
 * operations answer 503 saying what is missing.
 */
@SpringBootTest(classes = { LeaksTestApplication.class,
		LeaksEndpointWithoutHotSpotMBeansWebTests.BareJvmConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class LeaksEndpointWithoutHotSpotMBeansWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private SnapshotStore store;

	@Test
	void overviewShouldStillWorkAndSayHistogramsAreUnsupported() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((Map<String, Object>) response.getBody().get("supports")).containsEntry("histograms", false);
	}

	@Test
	void snapshotsShouldAnswer503NamingTheMissingMBean() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> response = this.rest.exchange("/actuator/leaks/snapshots", HttpMethod.POST,
				new HttpEntity<>("{\"label\": \"x\"}", headers), Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) response.getBody().get("message")).contains("DiagnosticCommand");
	}

	@Test
	void compareToNowShouldAnswer503NamingTheMissingMBean() {
		this.store.add(new HistogramSnapshot("stored-elsewhere", Instant.now(), false, Duration.ZERO,
				new ClassHistogram(List.of())));
		ResponseEntity<Map> now = this.rest.getForEntity("/actuator/leaks/compare?to=now", Map.class);
		assertThat(now.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) now.getBody().get("message")).contains("DiagnosticCommand");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BareJvmConfiguration {

		@Bean
		HistogramSampler bareJvmSampler() {
			return new DiagnosticCommandHistogramSampler(MBeanServerFactory.newMBeanServer());
		}

	}

}
