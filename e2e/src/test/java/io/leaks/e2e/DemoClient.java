package io.leaks.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Talks JSON over real HTTP to the demo app: its {@code /demo} API and the starter's
 * {@code /actuator/leaks} endpoint.
 */
final class DemoClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final DemoApp app;

	DemoClient(DemoApp app) {
		this.app = app;
	}

	/**
	 * Waits until the app answers that it is healthy, failing at once if it exits.
	 * @return this client
	 */
	DemoClient awaitReady() {
		await("demo app health UP").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsMatching((ex) -> ex instanceof UncheckedIOException && ex.getCause() instanceof ConnectException)
			.until(() -> {
				if (!this.app.isAlive()) {
					throw new IllegalStateException("The demo app exited during start-up:\n" + this.app.logTail(40));
				}
				return "UP".equals(get("/actuator/health").body().path("status").asString(""));
			});
		return this;
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response post(String path) {
		return send(request(path).POST(BodyPublishers.noBody()));
	}

	Response postJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
	}

	Response delete(String path) {
		return send(request(path).DELETE());
	}

	/**
	 * Takes a live snapshot (the endpoint forces a full GC first).
	 * @param label the snapshot's label
	 */
	void snapshot(String label) {
		postJson("/actuator/leaks/snapshots", "{\"label\":\"" + label + "\",\"liveOnly\":true}").expect(201);
	}

	void deleteSnapshot(String label) {
		delete("/actuator/leaks/snapshots/" + label).expect(200);
	}

	/**
	 * Compares two snapshots by instance growth.
	 * @param from the earlier label
	 * @param to the later label
	 * @param top how many rows
	 * @param excludeJdk whether to leave JDK classes out
	 * @return the rows, biggest instance growth first
	 */
	List<DiffRow> compareByInstances(String from, String to, int top, boolean excludeJdk) {
		JsonNode comparison = get("/actuator/leaks/compare?from=" + from + "&to=" + to + "&sort=instances&top=" + top
				+ "&excludeJdk=" + excludeJdk)
			.expect(200)
			.body();
		List<DiffRow> rows = new ArrayList<>();
		for (JsonNode row : comparison.path("rows")) {
			rows.add(this.json.treeToValue(row, DiffRow.class));
		}
		return rows;
	}

	RunResult run(String pattern, String variant, int count) {
		JsonNode body = post("/demo/patterns/" + pattern + "/" + variant + "?count=" + count).expect(200).body();
		return this.json.treeToValue(body, RunResult.class);
	}

	/**
	 * Leak alerts the demo app raised since it started ({@code GET /demo/alerts}).
	 * @return how many
	 */
	long alertCount() {
		return get("/demo/alerts").expect(200).body().path("count").asLong();
	}

	void reset() {
		post("/demo/reset").expect(200);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.app.uri(path)).timeout(TIMEOUT).header("Accept", "application/json");
	}

	private Response send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		try {
			var response = this.http.send(built, BodyHandlers.ofString());
			String body = response.body();
			JsonNode node = (body == null || body.isBlank()) ? this.json.missingNode() : this.json.readTree(body);
			return new Response(built.method() + " " + built.uri().getPath(), response.statusCode(), node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + built.uri(), ex);
		}
	}

	/**
	 * An HTTP answer with its JSON body.
	 *
	 * @param request method and path, for failure messages
	 * @param status the status code
	 * @param body the parsed body
	 */
	record Response(String request, int status, JsonNode body) {

		Response expect(int expected) {
			assertThat(this.status).as("%s answered %s", this.request, this.body).isEqualTo(expected);
			return this;
		}

	}

	/**
	 * One row of {@code /actuator/leaks/compare}.
	 *
	 * @param className the class as the JVM names it
	 * @param instancesDelta instances gained
	 * @param bytesDelta bytes gained
	 * @param jdk whether it is a JDK class
	 */
	record DiffRow(String className, long instancesDelta, long bytesDelta, boolean jdk) {

	}

	/**
	 * Answer of {@code POST /demo/patterns/{pattern}/{variant}}.
	 *
	 * @param operations operations run
	 * @param leakingClass the class the pattern leaks
	 * @param created instances of it created
	 * @param retained instances of it retained now
	 */
	record RunResult(int operations, String leakingClass, long created, long retained) {

	}

}
