package io.leaks.actuate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

import io.leaks.gc.HotSpotVmFlags;
import io.leaks.gc.VmFlagAccess;
import io.leaks.heapdump.HeapDumper;
import io.leaks.heapdump.HotSpotHeapDumper;
import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM without HotSpot's DiagnosticCommand and HotSpotDiagnostic MBeans (OpenJ9,
 * restricted environments), simulated with a real but empty MBean server: the application
 * starts and the affected operations (histograms, heap dumps, tuning) answer 503 saying
 * what is missing.
 */
@SpringBootTest(classes = { LeaksTestApplication.class,
		LeaksEndpointWithoutHotSpotMBeansWebTests.BareJvmConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class LeaksEndpointWithoutHotSpotMBeansWebTests {

	@TempDir
	static Path directory;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private SnapshotStore store;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> directory.toString());
	}

	@Test
	void overviewShouldStillWorkAndSayHistogramsAreUnsupported() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((Map<String, Object>) response.getBody().get("supports")).containsEntry("histograms", false);
	}

	@Test
	void snapshotsShouldAnswer503NamingTheMissingMBean() {
		ResponseEntity<Map> response = postJson("/actuator/leaks/snapshots", "{\"label\": \"x\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) response.getBody().get("message")).contains("DiagnosticCommand");
	}

	@Test
	void compareToNowShouldAnswer503NamingTheMissingMBean() {
		this.store.add(new HistogramSnapshot("stored-elsewhere", Instant.now(), false, Duration.ZERO,
				new ClassHistogram(List.of())));
		ResponseEntity<Map> now = postJson("/actuator/leaks/compare", "{\"to\": \"now\"}");
		assertThat(now.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) now.getBody().get("message")).contains("DiagnosticCommand");
	}

	@Test
	void overviewShouldSayHeapDumpsAndTuningAreUnsupported() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat((Map<String, Object>) response.getBody().get("supports")).containsEntry("heapDumps", false)
			.containsEntry("tuning", false);
	}

	@Test
	void heapDumpsShouldAnswer503NamingTheMissingMBeanAndWriteNothing() {
		ResponseEntity<Map> response = postJson("/actuator/leaks/heapdumps", "{\"label\": \"x\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) response.getBody().get("message")).contains("HotSpotDiagnostic");
		ResponseEntity<Map> list = this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<?>) list.getBody().get("dumps")).isEmpty();
	}

	@Test
	void tuningShouldAnswer503NamingTheMissingMBean() {
		ResponseEntity<Map> read = this.rest.getForEntity("/actuator/leaks/tuning", Map.class);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat((String) read.getBody().get("message")).contains("HotSpotDiagnostic");
		for (String body : List.of("{\"flag\": \"MaxHeapFreeRatio\", \"value\": \"50\"}",
				"{\"preset\": \"aggressive\"}")) {
			ResponseEntity<Map> write = postJson("/actuator/leaks/tuning", body);
			assertThat(write.getStatusCode()).as(body).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat((String) write.getBody().get("message")).contains("HotSpotDiagnostic");
		}
	}

	private ResponseEntity<Map> postJson(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BareJvmConfiguration {

		private final MBeanServer bare = MBeanServerFactory.newMBeanServer();

		@Bean
		HistogramSampler bareJvmSampler() {
			return new DiagnosticCommandHistogramSampler(this.bare);
		}

		@Bean
		HeapDumper bareJvmHeapDumper() {
			return new HotSpotHeapDumper(this.bare);
		}

		@Bean
		VmFlagAccess bareJvmFlags() {
			return new HotSpotVmFlags(this.bare);
		}

	}

}
