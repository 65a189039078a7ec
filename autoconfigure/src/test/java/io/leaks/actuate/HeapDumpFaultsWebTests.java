package io.leaks.actuate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.leaks.gc.CollectionGuard;
import io.leaks.heapdump.HeapDumpException;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumper;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.Tmpfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Heap dumps into a real tmpfs mounted for the test: a file system too small for the
 * dump, one that fills up while the JVM writes, one in memory, one made read-only while
 * the application runs, and a directory removed while it runs. Root cannot write through a
 * read-only mount either, so this holds in CI, which runs as root.
 */
@SpringBootTest(classes = { LeaksTestApplication.class, HeapDumpFaultsWebTests.SwitchableEstimate.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
class HeapDumpFaultsWebTests {

	/** Room for a few live dumps of the test JVM; tmpfs takes RAM only for what is written. */
	private static final String ROOMY = "1g";

	private static final String TINY = "4m";

	/** The heap in use the free-space check sees; negative for the real figure. */
	private static final AtomicLong estimate = new AtomicLong(-1);

	private static Path mountPoint;

	private static Tmpfs tmpfs;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private HeapDumps heapDumps;

	@BeforeAll
	static void mount() throws IOException {
		mountPoint = Files.createTempDirectory("leaks-tmpfs");
		tmpfs = Tmpfs.mount(mountPoint, ROOMY);
	}

	@AfterAll
	static void unmount() throws IOException {
		if (tmpfs != null) {
			tmpfs.close();
		}
		Files.deleteIfExists(mountPoint);
	}

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> mountPoint.resolve("dumps").toString());
	}

	@AfterEach
	void restore() throws IOException {
		estimate.set(-1);
		tmpfs.readWrite();
		deleteRecursively(dumps());
		tmpfs.resize(ROOMY);
	}

	@Test
	void aFileSystemTooSmallForTheDumpShouldBeRefusedUpFrontWith507AndTheFreeSpace() {
		tmpfs.resize(TINY);
		ResponseEntity<Map> response = dump("too_big");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
		assertThat(message(response)).startsWith("Not enough free disk space for a heap dump")
			.containsPattern("but only [0-9.]+ (KiB|MiB) are usable")
			.endsWith("Nothing was written");
		assertThat(filesIn(dumps())).isEmpty();
	}

	@Test
	void aDiskThatFillsUpWhileTheJvmWritesShouldLeaveNoPartialFileAndAnswer507WithTheFreeSpace() {
		tmpfs.resize(TINY);
		// Let the dump past the check, as when the disk fills up meanwhile.
		estimate.set(0);
		ResponseEntity<Map> response = dump("midway");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
		assertThat(message(response)).startsWith("The heap dump ran out of disk space in ")
			.contains("No space left on device")
			.contains("the partial file was removed")
			.containsPattern(", [0-9.]+ (B|KiB|MiB) usable now\\.");
		assertThat(filesIn(dumps())).isEmpty();
		tmpfs.resize(ROOMY);
		assertThat(dump("after").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aDumpOnRequestIntoMemoryShouldBeWrittenWithAWarningInTheAnswerAndTheLog(CapturedOutput output) {
		ResponseEntity<Map> response = dump("in_ram");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat((List<String>) response.getBody().get("warnings"))
			.anySatisfy((warning) -> assertThat(warning).contains("is in memory (tmpfs or ramfs)")
				.contains("point leaks.heap-dump.directory at a disk"));
		assertThat(output).contains("Writing a heap dump on request although");
		assertThat(filesIn(dumps())).containsExactly((String) response.getBody().get("name"));
	}

	@Test
	void anAutomaticDumpIntoMemoryShouldBeRefused() {
		assertThatExceptionOfType(HeapDumpException.class)
			.isThrownBy(() -> this.heapDumps.dumpAutomatically("suspected-heap"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("is in memory (tmpfs or ramfs)")
			.withMessageContaining("no automatic dump is written there");
		assertThat(filesIn(dumps())).isEmpty();
	}

	@Test
	void aDirectoryRemovedWhileTheApplicationRunsShouldBeRecreated() throws IOException {
		assertThat(dump("first").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		deleteRecursively(dumps());
		ResponseEntity<Map> response = dump("second");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dumps()))).isEqualTo("rwx------");
		assertThat(filesIn(dumps())).containsExactly((String) response.getBody().get("name"));
	}

	@Test
	void aFileSystemMadeReadOnlyWhileTheApplicationRunsShouldBe503WithTheReason() {
		assertThat(dump("before").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		tmpfs.readOnly();
		ResponseEntity<Map> response = dump("read_only");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(message(response)).contains("cannot be used: its file system is mounted read-only");
		assertThat(this.rest.getForEntity("/actuator/leaks/heapdumps", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		tmpfs.readWrite();
		assertThat(dump("writable_again").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aDirectoryRemovedFromAReadOnlyFileSystemShouldBe503SayingItCannotBeCreated() throws IOException {
		deleteRecursively(dumps());
		tmpfs.readOnly();
		ResponseEntity<Map> response = dump("nowhere");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(message(response)).contains("cannot be created or read").contains("Read-only file system");
		assertThat(dumps()).doesNotExist();
	}

	private ResponseEntity<Map> dump(String label) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.postForEntity("/actuator/leaks/heapdumps",
				new HttpEntity<>("{\"label\": \"" + label + "\"}", headers), Map.class);
	}

	private static String message(ResponseEntity<Map> response) {
		return (String) response.getBody().get("message");
	}

	private static Path dumps() {
		return mountPoint.resolve("dumps");
	}

	private static List<String> filesIn(Path directory) {
		return Tmpfs.filesIn(directory);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * The real heap dumps, with a free-space check that a test can make see less heap in
	 * use than there is.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SwitchableEstimate {

		@Bean
		HeapDumps leaksHeapDumps(HeapDumper dumper, HeapDumpRepository repository, CollectionGuard guard) {
			return new HeapDumps(dumper, repository, new HeapDumps.Settings(5, Long.MAX_VALUE, false, 0, false), guard,
					Clock.systemUTC(), () -> (estimate.get() >= 0) ? estimate.get()
							: ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}

	}

}
