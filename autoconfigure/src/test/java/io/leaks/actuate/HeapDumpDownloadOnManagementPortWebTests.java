package io.leaks.actuate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads from actuator on its own port, which Spring Boot serves from a child context
 * with its own dispatcher servlet.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted", "leaks.heap-dump.download=true" })
@AutoConfigureTestRestTemplate
class HeapDumpDownloadOnManagementPortWebTests {

	private static final String NAME = "heapdump-20260301T101500123Z-live-seeded.hprof";

	@TempDir
	static Path directory;

	@Autowired
	private TestRestTemplate rest;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void dumpDirectory(DynamicPropertyRegistry registry) {
		registry.add("leaks.heap-dump.directory", () -> directory.toString());
	}

	@Test
	void downloadShouldBeAnAttachmentNamedAfterTheDump() throws IOException {
		Path dump = directory.resolve(NAME);
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
		String url = "http://localhost:" + this.managementPort + "/actuator/leaks/heapdumps/" + NAME;
		ResponseEntity<byte[]> response = this.rest.getForEntity(url, byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"" + NAME + "\"");
		assertThat(response.getBody()).isEqualTo(Files.readAllBytes(dump));
	}

}
