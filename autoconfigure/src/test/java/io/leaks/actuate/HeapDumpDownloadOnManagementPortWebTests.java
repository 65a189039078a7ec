package io.leaks.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
	void downloadShouldBeAnAttachmentNamedAfterTheDump() throws IOException, InterruptedException {
		Path dump = directory.resolve(NAME);
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
		String url = "http://localhost:" + this.managementPort + "/actuator/leaks/heapdumps/" + NAME;
		// Streamed and compared by digest: the dump of this JVM is as large as its heap, and
		// holding it twice in that heap (the body and the file) ran the test out of memory.
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK.value());
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION))
			.hasValue("attachment; filename=\"" + NAME + "\"");
		try (InputStream body = response.body(); InputStream file = Files.newInputStream(dump)) {
			assertThat(digest(body)).isEqualTo(digest(file));
		}
	}

	private static String digest(InputStream in) throws IOException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read; (read = in.read(buffer)) > 0;) {
				sha.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
