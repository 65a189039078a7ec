package io.leaks.actuate;

import java.util.List;
import java.util.Map;

import io.leaks.gc.ManageableFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runtime GC tuning over real HTTP, against the test JVM's own flags (G1), each change
 * checked through {@code HotSpotDiagnosticMXBean} and undone after every test.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted", "leaks.snapshots.max-count=7" })
@AutoConfigureTestRestTemplate
class TuningEndpointWebTests {

	@Autowired
	private TestRestTemplate rest;

	@RegisterExtension
	final ManageableFlags saved = ManageableFlags.restoredAfterEachTest();

	@Test
	void getShouldListManageableFlagsPresetsAndTheStartersSettings() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks/tuning", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = response.getBody();
		assertThat(body).containsEntry("collector", "G1");
		Map<String, Object> max = flag(body, "MaxHeapFreeRatio");
		assertThat(max).containsEntry("value", ManageableFlags.value("MaxHeapFreeRatio"))
			.containsEntry("startupValue", ManageableFlags.value("MaxHeapFreeRatio"))
			.containsEntry("type", "integer")
			.containsEntry("range", "0 to 100")
			.containsEntry("effective", true)
			.containsEntry("changeable", true)
			.containsKey("origin");
		assertThat(flag(body, "G1PeriodicGCInterval")).containsEntry("effective", true);
		assertThat(flag(body, "SoftMaxHeapSize")).containsEntry("effective", false);
		assertThat((String) flag(body, "SoftMaxHeapSize").get("effect")).startsWith("Does nothing under G1");
		assertThat(flag(body, "HeapDumpBeforeFullGC")).containsEntry("changeable", false);
		Map<String, Object> aggressive = ((List<Map<String, Object>>) body.get("presets")).stream()
			.filter((preset) -> "aggressive".equals(preset.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) aggressive.get("values")).containsEntry("MinHeapFreeRatio", "10")
			.containsEntry("MaxHeapFreeRatio", "30")
			.containsEntry("G1PeriodicGCInterval", "60000")
			.doesNotContainKey("SoftMaxHeapSize");
		assertThat((Map<String, Object>) body.get("settings")).containsEntry("leaks.snapshots.max-count", 7)
			.containsEntry("leaks.heap-dump.download", false);
	}

	@Test
	void postAFlagShouldChangeItInTheJvmAndAnswerBeforeAndAfter() {
		String before = ManageableFlags.value("MaxHeapFreeRatio");
		String wanted = "50".equals(before) ? "55" : "50";
		ResponseEntity<Map> response = post("{\"flag\": \"MaxHeapFreeRatio\", \"value\": " + wanted + "}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("trigger", "flag MaxHeapFreeRatio")
			.containsEntry("changes", List.of(Map.of("flag", "MaxHeapFreeRatio", "before", before, "after", wanted)));
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo(wanted);
		Map<String, Object> state = flag(this.rest.getForEntity("/actuator/leaks/tuning", Map.class).getBody(),
				"MaxHeapFreeRatio");
		assertThat(state).containsEntry("changed", true).containsEntry("origin", "MANAGEMENT");
	}

	@Test
	void presetsShouldApplyAndDefaultsShouldRestoreTheStartUpValues() {
		ResponseEntity<Map> aggressive = post("{\"preset\": \"aggressive\"}");
		assertThat(aggressive.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ManageableFlags.value("MinHeapFreeRatio")).isEqualTo("10");
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("30");
		assertThat(ManageableFlags.value("G1PeriodicGCInterval")).isEqualTo("60000");
		assertThat((List<Map<String, Object>>) aggressive.getBody().get("skipped")).singleElement()
			.satisfies((skipped) -> assertThat(skipped).containsEntry("flag", "SoftMaxHeapSize"));
		assertThat(post("{\"preset\": \"relaxed\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("90");
		ResponseEntity<Map> defaults = post("{\"preset\": \"defaults\"}");
		assertThat(defaults.getStatusCode()).isEqualTo(HttpStatus.OK);
		for (String flag : List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval")) {
			assertThat(ManageableFlags.value(flag)).as(flag).isEqualTo(this.saved.saved(flag));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"flag\": \"UseG1GC\", \"value\": \"false\"}|cannot be switched or turned off while it runs",
			"{\"flag\": \"UseEpsilonGC\", \"value\": \"true\"}|Garbage collection cannot be turned off",
			"{\"flag\": \"MaxHeapSize\", \"value\": \"1g\"}|Heap bounds are fixed at start-up (-Xmx, -Xms)",
			"{\"flag\": \"ParallelGCThreads\", \"value\": \"1\"}|ParallelGCThreads is not manageable",
			"{\"flag\": \"HeapDumpBeforeFullGC\", \"value\": \"true\"}|whole-heap dump at every full GC",
			"{\"flag\": \"HeapDumpPath\", \"value\": \"/etc\"}|never hands a path from an HTTP request",
			"{\"flag\": \"NoSuchFlag\", \"value\": \"1\"}|No VM flag named 'NoSuchFlag'",
			"{\"flag\": \"MinHeapFreeRatio\", \"value\": \"101\"}|MinHeapFreeRatio must be 0 to 100, was 101",
			"{\"flag\": \"MinHeapFreeRatio\", \"value\": \"ninety\"}|MinHeapFreeRatio takes a whole number",
			"{\"flag\": \"MinHeapFreeRatio\", \"value\": \"99\"}|must not exceed MaxHeapFreeRatio",
			"{\"flag\": \"MinHeapFreeRatio\"}|value is required",
			"{}|Send {\"flag\": \"MaxHeapFreeRatio\", \"value\": \"50\"} or {\"preset\": \"aggressive\"}",
			"{\"preset\": \"aggressive\", \"flag\": \"MinHeapFreeRatio\"}|not both",
			"{\"preset\": \"turbo\"}|No preset named 'turbo'" })
	void whatCannotOrMayNotChangeShouldBe400WithWhatToDoInstead(String body, String message) {
		ResponseEntity<Map> response = post(body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).contains(message);
		for (String flag : List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "HeapDumpBeforeFullGC", "HeapDumpPath")) {
			assertThat(ManageableFlags.value(flag)).as(flag).isEqualTo(this.saved.saved(flag));
		}
	}

	@Test
	void turningOnHeapDumpOnOutOfMemoryErrorWithoutHeapDumpPathShouldBe400() {
		ManageableFlags.set("HeapDumpPath", "");
		ManageableFlags.set("HeapDumpOnOutOfMemoryError", "false");
		ResponseEntity<Map> response = post("{\"flag\": \"HeapDumpOnOutOfMemoryError\", \"value\": \"true\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).contains("-XX:HeapDumpPath=<dir>");
		assertThat(ManageableFlags.value("HeapDumpOnOutOfMemoryError")).isEqualTo("false");
	}

	private ResponseEntity<Map> post(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.postForEntity("/actuator/leaks/tuning", new HttpEntity<>(json, headers), Map.class);
	}

	private static Map<String, Object> flag(Map<String, Object> body, String name) {
		return ((List<Map<String, Object>>) body.get("flags")).stream()
			.filter((flag) -> name.equals(flag.get("name")))
			.findFirst()
			.orElseThrow();
	}

}
