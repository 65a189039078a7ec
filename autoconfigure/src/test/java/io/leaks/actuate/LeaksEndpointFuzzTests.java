package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every route's parameters and bodies over real HTTP: thousands
 * of requests, each a random method, path, query, body, Content-Type and Origin built
 * from the names the endpoint knows mixed with garbage, against one application on a
 * random port. None may answer 5xx, and every refusal must be the endpoint's JSON error
 * with a message. Heap dumps are refused by an impossible free-space margin (507, the one
 * 5xx allowed, as documented for a full disk) and allocation recordings last 2 s at most,
 * so the run stays fast; every other operation runs for real, and the VM flags the fuzzing
 * changed are restored afterwards.
 */
class LeaksEndpointFuzzTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HotSpotDiagnosticMXBean hotSpot = ManagementFactory
		.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	private static final List<String> PARAMETERS = List.of("label", "liveOnly", "live", "flag", "value", "preset",
			"from", "to", "top", "sort", "excludeJdk", "filter", "duration", "classes", "oldObjects");

	private static final Map<String, String> savedFlags = new LinkedHashMap<>();

	private static ConfigurableApplicationContext app;

	private static Path dumps;

	private static HttpClient http;

	private static int port;

	@BeforeContainer
	static void start() throws Exception {
		for (VMOption option : hotSpot.getDiagnosticOptions()) {
			if (option.isWriteable()) {
				savedFlags.put(option.getName(), option.getValue());
			}
		}
		dumps = Files.createTempDirectory("leaks-fuzz");
		app = new SpringApplicationBuilder(LeaksTestApplication.class)
			.properties("server.port=0", "management.endpoints.web.exposure.include=leaks",
					"management.endpoint.leaks.access=unrestricted", "leaks.snapshots.max-count=10",
					"leaks.heap-dump.free-space-margin=8192TB",
					"leaks.heap-dump.directory=" + dumps.resolve("dumps"), "leaks.allocations.default-duration=1s",
					"leaks.allocations.max-duration=2s")
			.run();
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String label : List.of("a", "b")) {
			send(new Fuzzed("POST", "/snapshots", "", "{\"label\": \"" + label + "\", \"liveOnly\": false}",
					"application/json", null));
		}
	}

	@AfterContainer
	static void stop() throws Exception {
		try {
			savedFlags.forEach((name, value) -> {
				if (!value.equals(hotSpot.getVMOption(name).getValue())) {
					hotSpot.setVMOption(name, value);
				}
			});
		}
		finally {
			if (app != null) {
				app.close();
			}
			FileSystemUtils.deleteRecursively(dumps);
		}
	}

	@Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
	void everyRequestShouldAnswerWithoutA5xxAndEveryRefusalWithAJsonMessage(@ForAll("requests") Fuzzed request)
			throws Exception {
		HttpResponse<String> response = send(request);
		int status = response.statusCode();
		Statistics.label("status").collect(status);
		boolean refusedDump = status == 507 && request.path().equals("/heapdumps");
		assertThat(status < 500 || refusedDump).as("%s answered %s %s", request, status, response.body()).isTrue();
		if (status >= 400 && !request.method().equals("HEAD")) {
			assertThat(response.headers().firstValue("Content-Type").orElse("none")).as("%s answered %s", request,
					response.body())
				.contains("json");
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("status").asInt()).as("%s: %s", request, response.body()).isEqualTo(status);
			assertThat(body.path("message").asString("")).as("%s: %s", request, response.body())
				.isNotBlank()
				.doesNotContain("\tat ");
		}
	}

	@Provide
	Arbitrary<Fuzzed> requests() {
		Arbitrary<String> method = Arbitraries.frequency(Tuple.of(45, "GET"), Tuple.of(35, "POST"),
				Tuple.of(10, "DELETE"), Tuple.of(2, "PUT"), Tuple.of(2, "PATCH"), Tuple.of(3, "HEAD"),
				Tuple.of(3, "OPTIONS"));
		Arbitrary<String> contentType = Arbitraries.frequency(Tuple.of(30, (String) null),
				Tuple.of(50, "application/json"), Tuple.of(5, "text/plain"),
				Tuple.of(5, "application/x-www-form-urlencoded"), Tuple.of(3, "application/xml"),
				Tuple.of(3, "application/vnd.spring-boot.actuator.v3+json"), Tuple.of(2, "multipart/form-data"),
				Tuple.of(2, "application/json; charset=ISO-8859-1"));
		Arbitrary<String> origin = Arbitraries.frequency(Tuple.of(80, (String) null),
				Tuple.of(10, "http://localhost:" + port), Tuple.of(5, "http://127.0.0.1:1"), Tuple.of(5, "null"));
		return Combinators.combine(method, path(), query(), body(), contentType, origin).as(Fuzzed::new);
	}

	private Arbitrary<String> path() {
		Arbitrary<String> resource = Arbitraries.frequency(Tuple.of(92, Arbitraries.of("snapshots", "compare", "gc",
				"heapdumps", "tuning", "trend", "history", "allocations")), Tuple.of(8, pathText()))
			.flatMap((choice) -> choice);
		Arbitrary<String> collection = Arbitraries.frequency(Tuple.of(70, Arbitraries.of("snapshots", "heapdumps", "allocations")),
				Tuple.of(30, resource))
			.flatMap((choice) -> choice);
		Arbitrary<String> item = Arbitraries.frequency(Tuple.of(50, Arbitraries.of("a", "b")),
				Tuple.of(30, Arbitraries.of("now", "..", "1", "heapdump-1.hprof", "heapdump-20260301T101500123Z-live.hprof",
						"heapdump-20260301T101500123Z-all-x.hprof.gz", "MaxHeapFreeRatio")),
				Tuple.of(20, pathText()))
			.flatMap((choice) -> choice);
		return Arbitraries.frequency(Tuple.of(5, Arbitraries.just("")),
				Tuple.of(65, resource.map((name) -> "/" + segment(name))),
				Tuple.of(28, Combinators.combine(collection, item)
					.as((name, value) -> "/" + segment(name) + "/" + segment(value))),
				Tuple.of(2, Combinators.combine(resource, item, item)
					.as((name, one, two) -> "/" + segment(name) + "/" + segment(one) + "/" + segment(two))))
			.flatMap((choice) -> choice);
	}

	private Arbitrary<String> query() {
		Arbitrary<String> name = Arbitraries.frequency(Tuple.of(92, Arbitraries.of(PARAMETERS)),
				Tuple.of(8, Arbitraries.oneOf(Arbitraries.of("sortBy", "exclude_jdk", "form", "tops", "_"), text())))
			.flatMap((choice) -> choice);
		Arbitrary<String> pair = Combinators.combine(name, value())
			.as((key, value) -> encode(key) + "=" + encode(value));
		return Arbitraries.frequency(Tuple.of(50, Arbitraries.just("")),
				Tuple.of(50, pair.list().ofMinSize(1).ofMaxSize(3).map((pairs) -> String.join("&", pairs))))
			.flatMap((choice) -> choice);
	}

	private Arbitrary<@Nullable String> body() {
		Arbitrary<Object> fieldValue = Arbitraries.oneOf(value().map((text) -> (Object) text),
				Arbitraries.integers().map((number) -> (Object) number),
				Arbitraries.of(true, false).map((bool) -> (Object) bool),
				Arbitraries.just((Object) List.of("x", 1)), Arbitraries.just((Object) Map.of("nested", 1)),
				Arbitraries.doubles().map((number) -> (Object) number));
		Arbitrary<String> fieldName = Arbitraries.frequency(Tuple.of(85, Arbitraries.of(PARAMETERS)),
				Tuple.of(15, Arbitraries.oneOf(Arbitraries.of("lable", "sortBy", ""), text())))
			.flatMap((choice) -> choice);
		Arbitrary<String> object = Arbitraries.maps(fieldName, fieldValue)
			.ofMaxSize(4)
			.map(LeaksEndpointFuzzTests::toJson);
		Arbitrary<String> broken = Arbitraries.oneOf(Arbitraries.of("{", "{\"label\": ", "[1, 2]", "null", "42",
				"\"text\"", "label=x", "{\"label\": \"a\", \"label\": \"b\"}", "{\"label\": \"x\"} trailing"), text());
		return Arbitraries.frequency(Tuple.of(35, Arbitraries.just((String) null)), Tuple.of(50, object),
				Tuple.of(15, broken))
			.flatMap((choice) -> choice);
	}

	/**
	 * Values that mean something somewhere (labels, booleans, sorts, presets, flags, numbers
	 * at and beyond their limits) mixed with arbitrary text.
	 */
	private Arbitrary<String> value() {
		return Arbitraries.oneOf(Arbitraries.of("a", "b", "now", "NOW", "true", "false", "maybe", "bytes", "instances",
				"aggressive", "relaxed", "defaults", "turbo", "MaxHeapFreeRatio", "MinHeapFreeRatio", "SoftMaxHeapSize",
				"HeapDumpPath", "HeapDumpOnOutOfMemoryError", "G1PeriodicGCInterval", "UseG1GC", "0", "1", "20", "50",
				"100", "101", "10000", "10001", "-1", "1.5", "99999999999999999999", "", " ", "../../etc/passwd",
				"after:login", "a".repeat(101), "x".repeat(201), "1s", "2s", "3s", "PT1S", "500ms", "byte[]", "[B",
				"java.lang.String"), Arbitraries.integers().map(String::valueOf), text());
	}

	/**
	 * Arbitrary text, control characters and non-ASCII included.
	 */
	private static Arbitrary<String> text() {
		return Arbitraries.strings()
			.all()
			.ofMaxLength(30)
			.filter((text) -> text.chars().noneMatch((c) -> Character.isSurrogate((char) c)));
	}

	/**
	 * Arbitrary text for a path segment. Without {@code /}, {@code \} and NUL: encoded in a
	 * path, the servlet container rejects them with its own 400 page before the
	 * application sees the request.
	 */
	private static Arbitrary<String> pathText() {
		return text().filter((text) -> text.chars().noneMatch((c) -> c == '/' || c == '\\' || c == 0));
	}

	private static String segment(String text) {
		return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String toJson(Map<String, Object> fields) {
		return json.writeValueAsString(fields);
	}

	private static HttpResponse<String> send(Fuzzed request) throws Exception {
		String uri = "http://localhost:" + port + "/actuator/leaks" + request.path()
				+ (request.query().isEmpty() ? "" : "?" + request.query());
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), (request.body() != null)
					? HttpRequest.BodyPublishers.ofString(request.body()) : HttpRequest.BodyPublishers.noBody());
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		if (request.origin() != null) {
			builder.header("Origin", request.origin());
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * One random request.
	 *
	 * @param method the HTTP method
	 * @param path the path under the endpoint, encoded
	 * @param query the query string, encoded, or empty
	 * @param body the body, or {@code null}
	 * @param contentType the Content-Type, or {@code null}
	 * @param origin the Origin, or {@code null}
	 */
	record Fuzzed(String method, String path, String query, @Nullable String body, @Nullable String contentType,
			@Nullable String origin) {

		@Override
		public String toString() {
			return this.method + " " + this.path + (this.query.isEmpty() ? "" : "?" + this.query)
					+ ((this.contentType != null) ? " [" + this.contentType + "]" : "")
					+ ((this.origin != null) ? " Origin " + this.origin : "")
					+ ((this.body != null) ? " " + this.body : "");
		}

	}

}
