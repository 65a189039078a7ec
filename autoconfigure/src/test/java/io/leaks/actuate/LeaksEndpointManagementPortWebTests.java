package io.leaks.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint on a separate management port, the set-up the README recommends: actuator
 * then runs in a child context with its own servlet container.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
class LeaksEndpointManagementPortWebTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void theStartUpLineShouldNameTheManagementPort(CapturedOutput output) {
		assertThat(output).contains("leaks: endpoint at http://localhost:" + this.managementPort
				+ "/actuator/leaks on the management port (management.server.port=" + this.managementPort
				+ ") (unrestricted access); no dashboard: it is only served beside the endpoint");
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void plainPostWithoutBodyShouldWork() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/leaks/gc"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"performed\":true");
	}

	@Test
	void malformedJsonShouldGetTheJsonErrorBody() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/leaks/snapshots"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"label\": ")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"status\":400").contains("not valid JSON");
	}

	@Test
	void unknownResourceShouldListTheAvailableOnes() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/leaks/nothing")).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Available");
	}

	@Test
	void theRequestChecksShouldWorkOnTheManagementPortToo() throws Exception {
		HttpResponse<String> crossSite = send(HttpRequest.newBuilder(uri("/actuator/leaks/gc"))
			.header("Origin", "http://127.0.0.1:1")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(crossSite.statusCode()).isEqualTo(403);
		HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/actuator/leaks/gc")).GET());
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
		HttpResponse<String> unknownField = send(HttpRequest.newBuilder(uri("/actuator/leaks/snapshots"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"lable\": \"x\"}")));
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(unknownField.body()).contains("does not take lable");
		HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/actuator/leaks/allocations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"duration\": \"60\", \"classes\": [\"byte[]\"]}")));
		assertThat(list.statusCode()).isEqualTo(400);
		assertThat(list.body()).as("the list was joined for actuator, so the duration is what is refused")
			.contains("duration needs a unit");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.managementPort + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
