package io.leaks.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint refuses before any operation runs, over real HTTP with a plain client
 * that sets the headers a browser would: writes a page on another site sent, methods a
 * path does not answer, parameters no route takes.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted", "leaks.snapshots.max-count=3" })
class LeaksEndpointRequestWebTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Snapshots snapshots;

	@AfterEach
	void forgetSnapshots() {
		this.snapshots.store().labels().forEach(this.snapshots.store()::remove);
	}

	@Test
	void aBodilessPostFromAnotherOriginShouldBe403AndCollectNothing() throws Exception {
		long collections = LeaksEndpointWebTests.fullCollections();
		for (String[] headers : List.of(new String[] { "Origin", "http://127.0.0.1:1" },
				new String[] { "Sec-Fetch-Site", "same-site", "Origin", "http://127.0.0.1:1" },
				new String[] { "Sec-Fetch-Site", "cross-site" }, new String[] { "Origin", "null" })) {
			HttpResponse<String> response = send("POST", "/actuator/leaks/gc", null, null, headers);
			assertJsonError(response, 403, "Refused a write sent by a page on another site");
			assertThat(response.body()).contains("curl -X POST http://localhost:" + this.port + "/actuator/leaks/gc");
			assertJsonError(send("POST", "/actuator/leaks/analyses", null, null, headers), 403, "another site");
			assertJsonError(send("DELETE", "/actuator/leaks/analyses/a-20260301T101500123Z", null, null, headers), 403,
					"another site");
		}
		assertThat(LeaksEndpointWebTests.fullCollections()).isEqualTo(collections);
	}

	@Test
	void aBodilessPostFromTheSameOriginOrFromCurlShouldWork() throws Exception {
		assertThat(send("POST", "/actuator/leaks/gc", null, null).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/actuator/leaks/gc", null, null, "Origin", "http://localhost:" + this.port,
				"Sec-Fetch-Site", "same-origin")
			.statusCode()).isEqualTo(200);
		assertThat(send("POST", "/actuator/leaks/snapshots?label=by_query&liveOnly=false", null, null, "Origin",
				"http://localhost:" + this.port)
			.statusCode()).isEqualTo(201);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/actuator/leaks/snapshots|application/x-www-form-urlencoded|label=forged",
			"/actuator/leaks/snapshots|text/plain;charset=UTF-8|{\"label\": \"forged\"}",
			"/actuator/leaks/heapdumps|multipart/form-data; boundary=b|--b--",
			"/actuator/leaks/tuning|text/plain|{\"preset\": \"aggressive\"}",
			"/actuator/leaks/analyses|text/plain|{\"classes\": \"x.Y\"}" })
	void formAndTextPostsShouldBe403FromAnotherSiteAnd415FromAnywhereElse(String path, String contentType,
			String body) throws Exception {
		assertJsonError(send("POST", path, contentType, body, "Origin", "http://127.0.0.1:1", "Sec-Fetch-Site",
				"same-site"), 403, "another site");
		assertJsonError(send("POST", path, contentType, body), 415, "application/json");
		assertThat(this.snapshots.store().labels()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "DELETE|/actuator/leaks/snapshots/a|a=%zz",
			"PUT|/actuator/leaks/tuning|preset=%e2%82", "PATCH|/actuator/leaks/heapdumps/x|=%",
			"DELETE|/actuator/leaks/analyses/a|label=ok" })
	void aFormBodyOnAnyMethodShouldBe415NeverA500(String method, String path, String body) throws Exception {
		// Spring's FormContentFilter would parse these bodies itself, and fail on one it
		// cannot decode with a 500 before the endpoint is reached.
		assertJsonError(send(method, path, "application/x-www-form-urlencoded", body), 415, "is a form");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "GET|/actuator/leaks|*/*", "GET|/actuator/leaks/tuning|application/*",
			"POST|/actuator/leaks/snapshots|application/*+json" })
	void aWildcardContentTypeShouldBe415(String method, String path, String contentType) throws Exception {
		assertJsonError(send(method, path, contentType, "{\"label\": \"wild\"}"), 415,
				"Content-Type " + contentType + " is a pattern");
		assertThat(this.snapshots.store().labels()).isEmpty();
	}

	@Test
	void aJsonPostFromAnotherOriginShouldBeLeftToCors() throws Exception {
		// A browser only sends it after a preflight the application allowed; curl may send anything.
		HttpResponse<String> response = send("POST", "/actuator/leaks/snapshots", "application/json",
				"{\"label\": \"json\", \"liveOnly\": false}", "Origin", "http://127.0.0.1:1");
		assertThat(response.statusCode()).isEqualTo(201);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "GET|/actuator/leaks/gc|POST", "DELETE|/actuator/leaks/gc|POST",
			"POST|/actuator/leaks/trend|GET", "POST|/actuator/leaks/history|GET",
			"DELETE|/actuator/leaks/snapshots|GET, POST", "PUT|/actuator/leaks/snapshots|GET, POST",
			"PATCH|/actuator/leaks/heapdumps/x|GET, DELETE", "POST|/actuator/leaks/snapshots/x|GET, DELETE",
			"DELETE|/actuator/leaks/tuning|GET, POST", "POST|/actuator/leaks|GET", "DELETE|/actuator/leaks|GET",
			"PUT|/actuator/leaks/analyses|GET, POST", "DELETE|/actuator/leaks/analyses|GET, POST",
			"POST|/actuator/leaks/analyses/a-x|GET, DELETE" })
	void aMethodThePathDoesNotAnswerShouldBe405WithAllow(String method, String path, String allow)
			throws Exception {
		HttpResponse<String> response = send(method, path, "application/json", "{}");
		assertJsonError(response, 405, "not supported");
		assertThat(response.headers().firstValue("Allow")).hasValue(allow);
	}

	@Test
	void aGetComparingWithNowShouldBe405WithAllowPost() throws Exception {
		send("POST", "/actuator/leaks/snapshots?label=stored&liveOnly=false", null, null);
		HttpResponse<String> response = send("GET", "/actuator/leaks/compare?from=stored&to=now", null, null);
		assertJsonError(response, 405, "POST /actuator/leaks/compare");
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"GET|/actuator/leaks/compare?form=a&to=b|GET compare does not take form; it takes from, to, top, sort, "
					+ "excludeJdk, filter",
			"GET|/actuator/leaks/compare?sortBy=instances|GET compare does not take sortBy",
			"GET|/actuator/leaks/compare?exclude_jdk=true|GET compare does not take exclude_jdk",
			"GET|/actuator/leaks/snapshots/x?tops=3|GET snapshots/{label} does not take tops; it takes top",
			"GET|/actuator/leaks/trend?verbose|GET trend does not take verbose; send it without parameters",
			"GET|/actuator/leaks?x=1|does not take x; send it without parameters",
			"POST|/actuator/leaks/gc?force=true|POST gc does not take force",
			"DELETE|/actuator/leaks/snapshots/x?all=true|DELETE snapshots/{label} does not take all",
			"GET|/actuator/leaks/analyses?top=5|GET analyses does not take top; send it without parameters",
			"GET|/actuator/leaks/analyses/a-x?top=5|GET analyses/{id} does not take top",
			"POST|/actuator/leaks/analyses?heapdump=latest|POST analyses does not take heapdump; it takes heapDump, "
					+ "classes, from, to",
			"DELETE|/actuator/leaks/analyses/a-x?force=true|DELETE analyses/{id} does not take force" })
	void anUnknownQueryParameterShouldBe400NamingTheOnesThatExist(String method, String path, String message)
			throws Exception {
		assertJsonError(send(method, path, null, null), 400, message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "GET|/actuator/leaks/snapshots?=a|a value without a name ('=a')",
			"GET|/actuator/leaks/compare?from=%zz|not percent-encoded UTF-8 ('from=%zz')",
			"POST|/actuator/leaks/heapdumps?label=%e2%82|not percent-encoded UTF-8 ('label=%e2%82')" })
	void aQueryTheContainerCannotReadShouldBe400WithAMessage(String method, String target, String message)
			throws Exception {
		// java.net.http refuses to send such a query, so it goes over a plain socket.
		PlainHttp.Answer answer = new PlainHttp(this.port, 30_000).send(method, target, Map.of(), null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.body()).startsWith("{\"status\":400").contains(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"/actuator/leaks/snapshots|{\"lable\": \"x\"}|POST snapshots does not take lable; it takes label, liveOnly",
			"/actuator/leaks/compare|{\"form\": \"a\"}|POST compare does not take form",
			"/actuator/leaks/gc|{\"now\": true}|POST gc does not take now; send it without parameters",
			"/actuator/leaks/heapdumps|{\"label\": \"x\", \"liveOnly\": false}|POST heapdumps does not take liveOnly",
			"/actuator/leaks/analyses|{\"heapdump\": \"latest\", \"classes\": [\"x.Y\"]}|POST analyses does not take "
					+ "heapdump; it takes heapDump, classes, from, to" })
	void anUnknownBodyFieldShouldBe400AndDoNothing(String path, String body, String message) throws Exception {
		long collections = LeaksEndpointWebTests.fullCollections();
		assertJsonError(send("POST", path, "application/json", body), 400, message);
		assertThat(this.snapshots.store().labels()).isEmpty();
		assertThat(LeaksEndpointWebTests.fullCollections()).isEqualTo(collections);
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertJsonError(HttpResponse<String> response, int status, String messagePart) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).matches("application/(.+\\+)?json.*"));
		assertThat(response.body()).startsWith("{\"status\":" + status).contains(messagePart.replace("\"", "\\\""));
	}

}
