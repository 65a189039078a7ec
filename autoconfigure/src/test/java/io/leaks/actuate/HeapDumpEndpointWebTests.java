package io.leaks.actuate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.HeldGuard;
import io.leaks.heapdump.HeapDumper;
import io.leaks.heapdump.HotSpotHeapDumper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * Heap dumps over real HTTP on a random port, written by the real JVM into a temporary
 * directory. Download is off here, as it is by default.
 */
@SpringBootTest(classes = { LeaksTestApplication.class, HeapDumpEndpointWebTests.GatedDumperConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
				"management.endpoints.web.exposure.include=leaks", "management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class HeapDumpEndpointWebTests {

	@TempDir
	static Path temp;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private GatedDumper dumper;

	@Autowired
	private CollectionGuard guard;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> temp.resolve("dumps").toString());
	}

	@AfterEach
	void deleteDumps() throws IOException {
		for (String name : dumpNames()) {
			this.rest.delete("/actuator/leaks/heapdumps/" + name);
		}
		assertThat(dumpNames()).isEmpty();
		assertThat(entriesOf(temp)).as("nothing beside the dump directory").isSubsetOf("dumps");
	}

	@Test
	void postShouldWriteALiveOwnerOnlyHprofAndAnswer201WithItsFacts() throws IOException {
		ResponseEntity<Map> response = post("{\"live\": true, \"label\": \"before_fix\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> body = response.getBody();
		assertThat(body).containsEntry("live", true)
			.containsEntry("label", "before_fix")
			.containsEntry("compressed", false)
			.containsEntry("deleted", List.of())
			.containsKeys("createdAt", "durationMillis", "warnings");
		String name = (String) body.get("name");
		assertThat(name).matches("heapdump-\\d{8}T\\d{9}Z-live-before_fix\\.hprof");
		Path file = temp.resolve("dumps").resolve(name);
		assertThat(((Number) body.get("sizeBytes")).longValue()).isEqualTo(Files.size(file));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(new String(Files.readAllBytes(file), 0, 18)).isEqualTo("JAVA PROFILE 1.0.2");
	}

	@Test
	void postWithAnEmptyObjectShouldWriteALiveDumpWithoutLabel() {
		ResponseEntity<Map> response = post("{}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).containsEntry("live", true);
		assertThat(response.getBody().get("label")).isNull();
		assertThat((String) response.getBody().get("name")).endsWith("-live.hprof");
	}

	@Test
	void listShouldShowTheDumpsTheDirectoryAndTheLimits() throws IOException {
		String name = (String) post("{\"label\": \"listed\", \"live\": false}").getBody().get("name");
		ResponseEntity<Map> list = this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).containsEntry("directory", temp.resolve("dumps").toString())
			.containsEntry("maxCount", 5)
			.containsEntry("download", false)
			.containsEntry("writing", false);
		assertThat((List<Map<String, Object>>) list.getBody().get("dumps")).singleElement()
			.satisfies((dump) -> assertThat(dump).containsEntry("name", name)
				.containsEntry("live", false)
				.containsEntry("label", "listed")
				.containsEntry("sizeBytes", (int) Files.size(temp.resolve("dumps").resolve(name))));
	}

	@Test
	void downloadShouldBeRefusedWhileItIsOffAndSayHowToTurnItOn() {
		String name = (String) post("{\"label\": \"secret\"}").getBody().get("name");
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks/heapdumps/" + name, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) response.getBody().get("message")).startsWith("Downloading heap dumps is off")
			.contains("every secret in the heap")
			.contains("leaks.heap-dump.download=true");
	}

	@Test
	void deleteShouldRemoveTheFileAndAnUnknownNameShouldThenBe404() {
		String name = (String) post("{}").getBody().get("name");
		ResponseEntity<Map> deleted = exchange(HttpMethod.DELETE, "/actuator/leaks/heapdumps/" + name);
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deleted.getBody()).containsEntry("deleted", name);
		assertThat(temp.resolve("dumps").resolve(name)).doesNotExist();
		ResponseEntity<Map> again = exchange(HttpMethod.DELETE, "/actuator/leaks/heapdumps/" + name);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) again.getBody().get("message")).startsWith("No heap dump named '" + name + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "passwd", "%2e%2e", "..%5C..%5Cetc%5Cpasswd", "heapdump-1.hprof",
			"heapdump-20260301T101500123Z-live.hprof%20", "%252e%252e%252fpasswd" })
	void deleteAndGetOfNamesThatAreNotOursShouldBe400OrRefusedBeforeTheEndpoint(String name) throws IOException {
		Path planted = Files.writeString(temp.resolve("passwd"), "root:x:0:0");
		try {
			URI uri = URI.create(this.rest.getRootUri() + "/actuator/leaks/heapdumps/" + name);
			for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.GET)) {
				ResponseEntity<String> response = this.rest.exchange(uri, method, null, String.class);
				assertThat(response.getStatusCode().is4xxClientError()).as(method + " " + name).isTrue();
				assertThat(response.getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
			}
			assertThat(planted).hasContent("root:x:0:0");
		}
		finally {
			Files.delete(planted);
		}
	}

	@Test
	void aWellFormedNameThatIsNotOursShouldBeRefusedWithAJsonMessage() {
		ResponseEntity<Map> response = exchange(HttpMethod.DELETE, "/actuator/leaks/heapdumps/passwd");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message"))
			.isEqualTo("'passwd' is not the name of a heap dump: names look like "
					+ "heapdump-20260301T101500123Z-live-before_fix.hprof and never contain a path; GET "
					+ "/actuator/leaks/heapdumps lists them");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"label\": \"../../etc/x\"}", "{\"label\": \"/abs\"}", "{\"label\": \"a\\u0000b\"}",
			"{\"label\": \"..\"}", "{\"live\": \"maybe\"}" })
	void postWithABadLabelOrFlagShouldBe400AndWriteNothing(String body) {
		ResponseEntity<Map> response = post(body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).isNotBlank();
		assertThat(dumpNames()).isEmpty();
	}

	@Test
	void aLabelWithAColonShouldBeKeptWholeInTheAnswerTheNameAndTheList() {
		ResponseEntity<Map> response = post("{\"label\": \"after:login\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).containsEntry("label", "after:login");
		String name = (String) response.getBody().get("name");
		assertThat(name).endsWith("-live-after~login.hprof");
		assertThat((List<Map<String, Object>>) this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class)
			.getBody()
			.get("dumps")).singleElement()
			.satisfies((dump) -> assertThat(dump).containsEntry("name", name).containsEntry("label", "after:login"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "after login", "caf\u00e9", "a~b", "50%" })
	void aLabelOutsideTheSnapshotAlphabetShouldBe400InsteadOfBeingRewritten(String label) {
		ResponseEntity<Map> response = post("{\"label\": \"" + label + "\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message"))
			.contains("use letters, digits, '.', '_', '-' and ':' only");
		assertThat(dumpNames()).isEmpty();
	}

	@Test
	void postWithAVeryLongLabelShouldBe400() {
		ResponseEntity<Map> response = post("{\"label\": \"" + "x".repeat(300) + "\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("message", "label is 300 characters long; use at most 100");
	}

	@Test
	void twoSimultaneousDumpsShouldGiveOne201AndOne429() throws Exception {
		this.dumper.close();
		try {
			CompletableFuture<ResponseEntity<Map>> first = CompletableFuture.supplyAsync(() -> post("{\"label\": \"a\"}"));
			assertThat(this.dumper.awaitWaiting()).isTrue();
			ResponseEntity<Map> second = post("{\"label\": \"b\"}");
			assertThat(second.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat((String) second.getBody().get("message")).startsWith("A heap dump is already being written")
				.endsWith("retry when it has finished");
			ResponseEntity<Map> listWhileWriting = this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class);
			assertThat(listWhileWriting.getBody()).containsEntry("writing", true);
			this.dumper.open();
			assertThat(first.get(60, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		finally {
			this.dumper.open();
		}
		assertThat(dumpNames()).hasSize(1);
	}

	@Test
	void aDumpAnExplicitGcAndASnapshotShouldNeverRunTogether() throws Exception {
		this.dumper.close();
		try {
			CompletableFuture<ResponseEntity<Map>> dump = CompletableFuture
				.supplyAsync(() -> post("{\"label\": \"live\"}"));
			assertThat(this.dumper.awaitWaiting()).isTrue();
			ResponseEntity<Map> gc = this.rest.postForEntity("/actuator/leaks/gc", null, Map.class);
			assertThat(gc.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat((String) gc.getBody().get("message")).isNotBlank();
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			ResponseEntity<Map> snapshot = this.rest.postForEntity("/actuator/leaks/snapshots",
					new HttpEntity<>("{\"label\": \"during_dump\", \"liveOnly\": true}", headers), Map.class);
			assertThat(snapshot.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			this.dumper.open();
			assertThat(dump.get(60, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		finally {
			this.dumper.open();
		}
	}

	@Test
	void aDumpWhileAnotherHeapOperationRunsShouldBe429() throws Exception {
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			ResponseEntity<Map> response = post("{\"label\": \"live\"}");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat((String) response.getBody().get("message"))
				.startsWith("A heap dump stops the JVM to walk the heap");
			assertThat(dumpNames()).isEmpty();
		}
	}

	@Test
	void overviewShouldReportHeapDumpsAndTuningAsSupported() {
		ResponseEntity<Map> overview = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat((Map<String, Object>) overview.getBody().get("supports")).containsEntry("heapDumps", true)
			.containsEntry("tuning", true);
	}

	private ResponseEntity<Map> post(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.postForEntity("/actuator/leaks/heapdumps", new HttpEntity<>(json, headers), Map.class);
	}

	private ResponseEntity<Map> exchange(HttpMethod method, String path) {
		return this.rest.exchange(path, method, null, Map.class);
	}

	private List<String> dumpNames() {
		List<Map<String, Object>> dumps = (List<Map<String, Object>>) this.rest
			.getForEntity("/actuator/leaks/heapdumps", Map.class)
			.getBody()
			.get("dumps");
		return dumps.stream().map((dump) -> (String) dump.get("name")).toList();
	}

	private static List<String> entriesOf(Path directory) throws IOException {
		try (var entries = Files.list(directory)) {
			return entries.map((entry) -> entry.getFileName().toString()).sorted().toList();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GatedDumperConfiguration {

		@Bean
		GatedDumper gatedDumper() {
			return new GatedDumper(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()));
		}

	}

	/**
	 * The real HotSpot dumper behind a gate that a test can close, so that a dump stays in
	 * progress while a second request arrives.
	 */
	static final class GatedDumper implements HeapDumper {

		private final HeapDumper delegate;

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private volatile CountDownLatch waiting = new CountDownLatch(1);

		GatedDumper(HeapDumper delegate) {
			this.delegate = delegate;
		}

		void close() {
			this.waiting = new CountDownLatch(1);
			this.gate = new CountDownLatch(1);
		}

		void open() {
			this.gate.countDown();
		}

		boolean awaitWaiting() throws InterruptedException {
			return this.waiting.await(30, TimeUnit.SECONDS);
		}

		@Override
		public boolean isAvailable() {
			return this.delegate.isAvailable();
		}

		@Override
		public void dumpHeap(Path file, boolean live) throws IOException {
			this.waiting.countDown();
			try {
				this.gate.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted", ex);
			}
			this.delegate.dumpHeap(file, live);
		}

	}

}
