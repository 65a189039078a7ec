package io.leaks.actuate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriUtils;

/**
 * Random requests to the {@code leaks} endpoint, all drawn from one {@link Random}, so a
 * seed replays the same sequence: the names the endpoint knows (resources, labels,
 * parameters, flags, presets) mixed with what it must refuse (unknown names, wrong
 * types, numbers beyond every limit, unicode, control characters, path traversal,
 * malformed queries and JSON, odd content types, cross-site headers).
 */
final class FuzzedRequests {

	private static final List<String> PARAMETERS = List.of("label", "liveOnly", "live", "flag", "value", "preset", "from",
			"to", "top", "sort", "excludeJdk", "filter", "heapDump", "classes", "duration", "oldObjects");

	private static final List<String> RESOURCES = List.of("snapshots", "compare", "gc", "heapdumps", "analyses",
			"tuning", "trend", "history", "allocations");

	private static final List<String> VALUES = List.of("a", "b", "now", "NOW", "true", "false", "maybe", "bytes",
			"instances", "aggressive", "relaxed", "defaults", "turbo", "MaxHeapFreeRatio", "MinHeapFreeRatio",
			"SoftMaxHeapSize", "HeapDumpPath", "HeapDumpOnOutOfMemoryError", "G1PeriodicGCInterval", "UseG1GC", "0",
			"1", "20", "50", "100", "101", "10000", "10001", "-1", "1.5", "1e3", "0x10", " 20", "20 ",
			"99999999999999999999", "9223372036854775808", "-2147483649", "", " ", "null", "../../etc/passwd",
			"..\\..\\windows", "%2e%2e%2f", "%zz", "after:login", "a".repeat(101), "x".repeat(201), "😀", "ünïcødé",
			"\u0000", "\r\n", "<script>", "\"quoted\"", "latest", "com.example.OrderListener", "x.Y,a b", "1s", "2s", "PT1S", "500ms", "byte[]", "[B");

	/**
	 * Query parts sent as they are: what the servlet container cannot read as name=value
	 * pairs (a value without a name, a broken percent escape) and repeated names.
	 */
	private static final List<String> RAW_QUERY_PARTS = List.of("=a", "=", "a=%zz", "%zz=1", "top=%", "top=%4",
			"label=%e2%82", "&", "top", "top=1&top=2", "label=a&&label=b", "+=+");

	private static final List<String> BROKEN_BODIES = List.of("", " ", "{", "}", "{\"label\": ", "[1, 2]", "[]",
			"{}", "null", "42", "\"text\"", "label=x", "{\"label\": \"a\", \"label\": \"b\"}",
			"{\"label\": \"x\"} trailing", "{\"label\": \"a\",}", "{'label': 'a'}", "{label: a}",
			"\uFEFF{\"label\": \"a\"}", "{\"top\": NaN}", "{\"top\": Infinity}", "{\"top\": 1e400}",
			"{\"top\": 99999999999999999999}", "{\"top\": -0}", "{\"top\": 01}", "{\"liveOnly\": tru}",
			"{\"label\": \"\\ud800\"}", "{\"label\": \"\\u0000\"}", "\u0000", "[".repeat(5000) + "]".repeat(5000),
			"{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"label\": \"" + "x".repeat(200_000) + "\"}",
			"--leaks\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nx\r\n--leaks--\r\n");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Random random;

	private final int port;

	/**
	 * Requests drawn from the given source.
	 * @param random the source of every choice: the same seed gives the same requests
	 * @param port the application's port, for an {@code Origin} of the same origin
	 */
	FuzzedRequests(Random random, int port) {
		this.random = random;
		this.port = port;
	}

	FuzzedRequest next() {
		String method = weighted(just(45, "GET"), just(35, "POST"), just(10, "DELETE"), just(2, "PUT"),
				just(2, "PATCH"), just(3, "HEAD"), just(3, "OPTIONS"));
		String path = path();
		String query = query();
		String body = body();
		Map<String, String> headers = new LinkedHashMap<>();
		putIfPresent(headers, "Content-Type", contentType());
		putIfPresent(headers, "Origin", weighted(just(78, (String) null), just(10, "http://localhost:" + this.port),
				just(4, "http://127.0.0.1:1"), just(4, "null"), just(2, "not an origin"),
				just(2, "HTTP://LOCALHOST:" + this.port)));
		putIfPresent(headers, "Sec-Fetch-Site", weighted(just(85, (String) null), just(4, "cross-site"),
				just(3, "same-site"), just(4, "same-origin"), just(2, "none"), just(2, " Cross-Site ")));
		putIfPresent(headers, "Accept", weighted(just(85, (String) null), just(5, "application/json"),
				just(3, "*/*"), just(2, "application/vnd.spring-boot.actuator.v3+json"), just(3, "text/html"),
				just(2, "application/xml")));
		return new FuzzedRequest(method, path, query, body, headers);
	}

	private @Nullable String contentType() {
		return weighted(just(30, (String) null), just(45, "application/json"), just(5, "text/plain"),
				just(5, "application/x-www-form-urlencoded"), just(3, "application/xml"),
				just(3, "application/vnd.spring-boot.actuator.v3+json"), just(2, "multipart/form-data"),
				just(1, "multipart/form-data; boundary=leaks"), just(2, "application/json; charset=ISO-8859-1"),
				just(1, "APPLICATION/JSON"), just(1, "application/problem+json"), just(1, "text/json"),
				just(1, "*/*"), just(1, "application/"), just(1, "garbage"), just(1, ""));
	}

	private String path() {
		return weighted(just(5, ""), from(65, () -> "/" + segment(resource())),
				from(28, () -> "/" + segment(collection()) + "/" + item()),
				from(2, () -> "/" + segment(resource()) + "/" + item() + "/" + item()));
	}

	private String resource() {
		return weighted(from(92, () -> oneOf(RESOURCES)), from(8, this::pathText));
	}

	private String collection() {
		return weighted(from(70, () -> oneOf(List.of("snapshots", "heapdumps", "analyses", "allocations"))), from(30, this::resource));
	}

	/**
	 * An item segment, already encoded: {@code .} and {@code ..} and their encoded forms
	 * stay as they are, so the container resolves them as a browser would.
	 */
	private String item() {
		return weighted(from(50, () -> oneOf(List.of("a", "b"))),
				from(25, () -> segment(oneOf(List.of("now", "1", "heapdump-1.hprof", "heapdump-20260301T101500123Z-live.hprof",
						"heapdump-20260301T101500123Z-all-x.hprof.gz", "MaxHeapFreeRatio", "after:login",
						"a-20260301T101500123Z")))),
				from(5, () -> oneOf(List.of("..", ".", "%2e%2e", "%2E.", "..;", "a;x=1"))),
				from(20, () -> segment(pathText())));
	}

	private String query() {
		return weighted(just(50, ""), from(45, () -> {
			List<String> pairs = new ArrayList<>();
			int count = 1 + this.random.nextInt(3);
			for (int i = 0; i < count; i++) {
				pairs.add(encode(parameterName()) + "=" + encode(value()));
			}
			return String.join("&", pairs);
		}), from(5, () -> oneOf(RAW_QUERY_PARTS)));
	}

	private String parameterName() {
		return weighted(from(92, () -> oneOf(PARAMETERS)),
				from(8, () -> weighted(from(1, () -> oneOf(List.of("sortBy", "exclude_jdk", "form", "tops", "_"))),
						from(1, this::text))));
	}

	private @Nullable String body() {
		return weighted(just(35, (String) null), from(50, this::object), from(15,
				() -> weighted(from(3, () -> oneOf(BROKEN_BODIES)), from(1, this::text))));
	}

	private String object() {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		int count = this.random.nextInt(5);
		for (int i = 0; i < count; i++) {
			String name = weighted(from(85, () -> oneOf(PARAMETERS)),
					from(15, () -> weighted(from(1, () -> oneOf(List.of("lable", "sortBy", ""))), from(1, this::text))));
			fields.put(name, fieldValue());
		}
		return json.writeValueAsString(fields);
	}

	/**
	 * A value where the endpoint expects text or a boolean: often one, often a number, an
	 * array or an object instead.
	 */
	private @Nullable Object fieldValue() {
		return weighted(from(40, this::value), from(12, this::integer), from(10, this.random::nextBoolean),
				from(8, this::decimal), just(4, (Object) null), just(3, List.of("x", 1)), just(2, List.of()),
				just(2, List.of("x.Y", "a,b")),
				just(3, Map.of("nested", 1)), just(2, Map.of()),
				just(2, new BigInteger("99999999999999999999")), just(2, new BigDecimal("1e400")),
				just(2, Long.MAX_VALUE));
	}

	/**
	 * Values that mean something somewhere (labels, booleans, sorts, presets, flags, numbers
	 * at and beyond their limits) mixed with arbitrary text.
	 */
	private String value() {
		return weighted(from(50, () -> oneOf(VALUES)), from(20, () -> String.valueOf(integer())),
				from(30, this::text));
	}

	private int integer() {
		return weighted(from(1, () -> oneOf(List.of(0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE))),
				from(1, () -> this.random.nextInt(201) - 100), from(2, this.random::nextInt));
	}

	private double decimal() {
		return weighted(from(1, () -> oneOf(List.of(0.5, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300))),
				from(3, () -> (this.random.nextDouble() - 0.5) * Math.pow(10, this.random.nextInt(40))));
	}

	/**
	 * Up to 30 characters of anything: ASCII, control characters, the characters URLs and
	 * JSON treat specially, accented letters, other scripts and characters beyond the BMP.
	 * Never a lone surrogate, which no request can carry as text.
	 */
	private String text() {
		int length = (this.random.nextInt(10) == 0) ? 0 : 1 + this.random.nextInt(30);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(weighted(from(40, () -> 0x20 + this.random.nextInt(0x5F)),
					from(12, () -> (this.random.nextInt(33) == 32) ? 0x7F : this.random.nextInt(32)),
					from(13, () -> (int) "%&=?#+;,:\"'{}[]<>\\/ .".charAt(this.random.nextInt(21))),
					from(15, () -> 0x80 + this.random.nextInt(0x780)),
					from(15, () -> 0x800 + this.random.nextInt(0xD800 - 0x800)),
					from(5, () -> 0x10000 + this.random.nextInt(0x100000))));
		}
		return text.toString();
	}

	/**
	 * Arbitrary text for a path segment. Without {@code /}, {@code \} and NUL: encoded in a
	 * path, the servlet container rejects them with its own 400 page before the
	 * application sees the request.
	 */
	private String pathText() {
		return text().replace("/", "").replace("\\", "").replace("\u0000", "");
	}

	private <T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	@SafeVarargs
	private <T> T weighted(Choice<? extends T>... choices) {
		int total = 0;
		for (Choice<? extends T> choice : choices) {
			total += choice.weight();
		}
		int roll = this.random.nextInt(total);
		for (Choice<? extends T> choice : choices) {
			roll -= choice.weight();
			if (roll < 0) {
				return choice.value().get();
			}
		}
		throw new IllegalStateException("weights add up to " + total);
	}

	private static <T> Choice<T> just(int weight, T value) {
		return new Choice<>(weight, () -> value);
	}

	private static <T> Choice<T> from(int weight, Supplier<T> value) {
		return new Choice<>(weight, value);
	}

	private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

	private static String segment(String text) {
		return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private record Choice<T>(int weight, Supplier<T> value) {
	}

	/**
	 * One random request, as sent.
	 *
	 * @param method the HTTP method
	 * @param path the path under the endpoint, encoded
	 * @param query the query string, encoded (or deliberately not), or empty
	 * @param body the body, or {@code null}
	 * @param headers the headers besides {@code Host}, {@code Connection} and
	 * {@code Content-Length}
	 */
	record FuzzedRequest(String method, String path, String query, @Nullable String body,
			Map<String, String> headers) {

		String target() {
			return "/actuator/leaks" + this.path + (this.query.isEmpty() ? "" : "?" + this.query);
		}

		@Override
		public String toString() {
			String shownBody = (this.body == null) ? ""
					: " " + ((this.body.length() > 300) ? this.body.substring(0, 300) + "... (" + this.body.length()
							+ " characters)" : this.body);
			return this.method + " " + target() + " " + this.headers + shownBody;
		}

	}

}
