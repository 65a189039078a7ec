package io.leaks.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Prometheus server as a separate process on a loopback port, with its storage in
 * a temporary directory, scraping the given demo apps every second and evaluating the
 * given rules every second.
 */
final class Prometheus implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final ChildProcess process;

	private final URI baseUri;

	private Prometheus(ChildProcess process, URI baseUri) {
		this.process = process;
		this.baseUri = baseUri;
	}

	/**
	 * Starts Prometheus and waits until it is ready.
	 * @param dir a temporary directory for its configuration, storage and log
	 * @param rules the rule file to load
	 * @param targets the demo apps to scrape ({@code /actuator/prometheus})
	 * @return the ready server
	 * @throws IOException if it cannot be started
	 */
	static Prometheus start(Path dir, Path rules, List<URI> targets) throws IOException {
		StringBuilder config = new StringBuilder();
		config.append("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n");
		config.append("rule_files:\n  - '").append(rules.toAbsolutePath()).append("'\n");
		config.append("scrape_configs:\n  - job_name: leaks-demo\n    metrics_path: /actuator/prometheus\n");
		config.append("    static_configs:\n      - targets:\n");
		for (URI target : targets) {
			config.append("          - '").append(target.getHost()).append(':').append(target.getPort()).append("'\n");
		}
		Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
		int port = DemoApp.freePort();
		Path log = dir.resolve("prometheus.log");
		List<String> command = new ArrayList<>(List.of(Promtool.executable("prometheus"),
				"--config.file=" + configFile, "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("data")),
				"--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=1h"));
		Prometheus prometheus = new Prometheus(ChildProcess.start("prometheus", command, log),
				URI.create("http://127.0.0.1:" + port));
		prometheus.awaitReady();
		return prometheus;
	}

	private void awaitReady() {
		await("Prometheus ready").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsMatching((ex) -> ex instanceof UncheckedIOException && ex.getCause() instanceof ConnectException)
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Prometheus exited during start-up:\n" + logTail());
				}
				return status("/-/ready") == 200;
			});
	}

	/**
	 * The alerts Prometheus holds now, pending and firing ({@code /api/v1/alerts}).
	 * @return the alerts
	 */
	List<JsonNode> alerts() {
		List<JsonNode> alerts = new ArrayList<>();
		api("/api/v1/alerts").path("data").path("alerts").forEach(alerts::add);
		return alerts;
	}

	/**
	 * Evaluates an instant query ({@code /api/v1/query}).
	 * @param promql the expression
	 * @return the result vector's samples
	 */
	List<JsonNode> query(String promql) {
		List<JsonNode> samples = new ArrayList<>();
		api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
			.path("result")
			.forEach(samples::add);
		return samples;
	}

	/**
	 * Answers a GET on the HTTP API, failing unless its status is {@code success}.
	 * @param pathAndQuery such as {@code /api/v1/rules}
	 * @return the parsed body
	 */
	JsonNode api(String pathAndQuery) {
		JsonNode body = this.json.readTree(get(pathAndQuery));
		if (!"success".equals(body.path("status").asString(""))) {
			throw new IllegalStateException("Prometheus answered " + body + " to " + pathAndQuery);
		}
		return body;
	}

	String logTail() {
		return this.process.logTail(30);
	}

	private int status(String path) {
		return send(path).statusCode();
	}

	private String get(String path) {
		return send(path).body();
	}

	private HttpResponse<String> send(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUri.resolve(path)).timeout(Duration.ofSeconds(10)).build();
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + request.uri(), ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
