package io.leaks.actuate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Download turned on, and a disk that (by a huge safety margin) never has room for a new
 * dump.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted", "leaks.heap-dump.download=true",
				"leaks.heap-dump.free-space-margin=8192TB" })
@AutoConfigureTestRestTemplate
class HeapDumpDownloadWebTests {

	private static final String NAME = "heapdump-20260301T101500123Z-live-seeded.hprof";

	@TempDir
	static Path directory;

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> directory.toString());
	}

	@AfterEach
	void deleteSeededDump() throws IOException {
		Files.deleteIfExists(directory.resolve(NAME));
	}

	@Test
	void downloadShouldServeTheDumpAsOctetStream() throws IOException {
		Path dump = seedDump();
		ResponseEntity<byte[]> response = this.rest.getForEntity("/actuator/leaks/heapdumps/" + NAME, byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(response.getHeaders().getContentLength()).isEqualTo(Files.size(dump));
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"" + NAME + "\"");
		assertThat(response.getBody()).isEqualTo(Files.readAllBytes(dump));
		assertThat(new String(response.getBody(), 0, 18)).isEqualTo("JAVA PROFILE 1.0.2");
	}

	@Test
	void aResumedDownloadShouldStillBeAnAttachmentNamedAfterTheDump() throws IOException {
		seedDump();
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RANGE, "bytes=0-17");
		ResponseEntity<byte[]> response = this.rest.exchange("/actuator/leaks/heapdumps/" + NAME, HttpMethod.GET,
				new HttpEntity<>(headers), byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
		assertThat(new String(response.getBody())).isEqualTo("JAVA PROFILE 1.0.2");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"" + NAME + "\"");
	}

	@Test
	void downloadAskingForOctetStreamOnlyShouldSayWhichAcceptHeaderWorks() throws IOException {
		seedDump();
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_OCTET_STREAM));
		ResponseEntity<String> response = this.rest.exchange("/actuator/leaks/heapdumps/" + NAME, HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertThat(response.getBody()).contains("send Accept: */*");
	}

	@Test
	void downloadOfALinkWithADumpsNameShouldBeRefused() throws IOException {
		Path secret = Files.writeString(directory.getParent().resolve("leaks-download-secret.txt"), "secret");
		try {
			Files.createSymbolicLink(directory.resolve(NAME), secret);
			ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks/heapdumps/" + NAME, Map.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat((String) response.getBody().get("message")).contains("is a symbolic link");
		}
		finally {
			Files.delete(secret);
		}
	}

	@Test
	void downloadsRacingDeletionsShouldBeServedWholeOrAnswer404NeverA500() throws Exception {
		byte[] content = new byte[512 * 1024];
		new Random(11).nextBytes(content);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Map<HttpStatusCode, Integer> statuses = new ConcurrentHashMap<>();
		try {
			for (int i = 0; i < 60; i++) {
				String name = String.format("heapdump-20260301T101501%03dZ-live-race.hprof", i);
				Path file = Files.write(directory.resolve(name), content);
				Future<ResponseEntity<byte[]>> download = pool
					.submit(() -> this.rest.getForEntity("/actuator/leaks/heapdumps/" + name, byte[].class));
				int pause = i % 6;
				boolean overHttp = i % 2 == 0;
				Future<?> deletion = pool.submit(() -> {
					Thread.sleep(pause);
					if (overHttp) {
						this.rest.delete("/actuator/leaks/heapdumps/" + name);
					}
					else {
						Files.deleteIfExists(file);
					}
					return null;
				});
				ResponseEntity<byte[]> response = download.get(30, TimeUnit.SECONDS);
				deletion.get(30, TimeUnit.SECONDS);
				statuses.merge(response.getStatusCode(), 1, Integer::sum);
				if (response.getStatusCode() == HttpStatus.OK) {
					assertThat(response.getBody()).as(name).isEqualTo(content);
				}
				else {
					assertThat(response.getStatusCode()).as(name).isEqualTo(HttpStatus.NOT_FOUND);
					assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("\"message\"");
				}
				Files.deleteIfExists(file);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses.keySet()).isSubsetOf(HttpStatus.OK, HttpStatus.NOT_FOUND);
	}

	@Test
	void downloadOfAnUnknownDumpShouldBe404() {
		ResponseEntity<Map> response = this.rest.getForEntity("/actuator/leaks/heapdumps/" + NAME, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getOrEmpty(HttpHeaders.CONTENT_DISPOSITION))
			.noneMatch((value) -> value.startsWith("attachment"));
	}

	@Test
	void aDumpThatWouldLeaveLessThanTheMarginFreeShouldBe507AndWriteNothing() throws IOException {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> response = this.rest.postForEntity("/actuator/leaks/heapdumps",
				new HttpEntity<>("{\"label\": \"too_big\"}", headers), Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
		assertThat((String) response.getBody().get("message")).startsWith("Not enough free disk space for a heap dump")
			.contains("safety margin of 8.0 PiB (leaks.heap-dump.free-space-margin)");
		try (var files = Files.list(directory)) {
			assertThat(files).isEmpty();
		}
	}

	private static Path seedDump() throws IOException {
		Path dump = directory.resolve(NAME);
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
		return dump;
	}

}
