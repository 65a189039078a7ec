package io.leaks.actuate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.leaks.actuate.FuzzedRequests.FuzzedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every route's parameters and bodies over real HTTP: thousands
 * of requests, each a random method, path, query, body, Content-Type, Accept, Origin and
 * Sec-Fetch-Site ({@link FuzzedRequests}), against one application on a random port.
 * None may answer 5xx, and every refusal must be the endpoint's JSON error with a message.
 * Heap dumps are refused by an impossible free-space margin (507, the one 5xx allowed, as
 * documented for a full disk) and allocation recordings last 2 s at most, so the run stays
 * fast; every other operation runs for real, and the VM flags the fuzzing changed are
 * restored afterwards.
 * <p>
 * Each run draws a new seed and prints it; {@code -Dleaks.fuzz.seed=N} replays a run's
 * requests in the same order, {@code -Dleaks.fuzz.requests=N} sends more (or fewer).
 */
class LeaksEndpointFuzzTests {

	private static final int REQUESTS = Integer.getInteger("leaks.fuzz.requests", 2000);

	private static final long SEED = Long.getLong("leaks.fuzz.seed", ThreadLocalRandom.current().nextLong());

	/** Failures shown in full; the rest are counted. */
	private static final int SHOWN_FAILURES = 10;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HotSpotDiagnosticMXBean hotSpot = ManagementFactory
		.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	private static final Map<String, String> savedFlags = new LinkedHashMap<>();

	private static ConfigurableApplicationContext app;

	private static Path dumps;

	private static PlainHttp http;

	private static int port;

	@BeforeAll
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
		http = new PlainHttp(port, 30_000);
		for (String label : List.of("a", "b")) {
			assertThat(http.send("POST", "/actuator/leaks/snapshots", Map.of("Content-Type", "application/json"),
					"{\"label\": \"" + label + "\", \"liveOnly\": false}").status()).isEqualTo(201);
		}
	}

	@AfterAll
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

	@Test
	void everyRequestShouldAnswerWithoutA5xxAndEveryRefusalWithAJsonMessage() {
		String replay = "seed " + SEED + " (replay: mvn -B -ntp -pl autoconfigure -am verify "
				+ "-Dtest=LeaksEndpointFuzzTests -Dsurefire.failIfNoSpecifiedTests=false -Dleaks.fuzz.seed=" + SEED
				+ " -Dleaks.fuzz.requests=" + REQUESTS + ")";
		System.out.println("Fuzzing " + REQUESTS + " requests, " + replay);
		FuzzedRequests requests = new FuzzedRequests(new Random(SEED), port);
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int failed = 0;
		for (int i = 1; i <= REQUESTS; i++) {
			FuzzedRequest request = requests.next();
			try {
				PlainHttp.Answer answer = http.send(request.method(), request.target(), request.headers(),
						request.body());
				statuses.merge(answer.status(), 1, Integer::sum);
				check(request, answer);
			}
			catch (IOException | AssertionError | RuntimeException ex) {
				failed++;
				if (failures.size() < SHOWN_FAILURES) {
					failures.add("request " + i + ": " + ex.getMessage());
				}
			}
		}
		System.out.println("Answers by status: " + statuses);
		assertThat(failures).as("%d of %d requests failed with %s; the first:", failed, REQUESTS, replay).isEmpty();
		if (REQUESTS >= 1000) {
			// A generator that stopped reaching the operations would pass the checks above vacuously.
			assertThat(statuses.keySet()).as("statuses answered, %s", replay)
				.containsAll(Set.of(200, 400, 403, 404, 405, 415, 507));
		}
	}

	private static void check(FuzzedRequest request, PlainHttp.Answer answer) {
		int status = answer.status();
		boolean refusedDump = status == 507 && request.path().equals("/heapdumps");
		assertThat(status < 500 || refusedDump).as("%s answered %s %s", request, status, answer.body()).isTrue();
		if (status >= 400 && !request.method().equals("HEAD")) {
			assertThat(answer.header("Content-Type")).as("%s answered %s %s", request, status, answer.body())
				.contains("json");
			JsonNode body = json.readTree(answer.body());
			assertThat(body.path("status").asInt()).as("%s: %s", request, answer.body()).isEqualTo(status);
			assertThat(body.path("message").asString("")).as("%s: %s", request, answer.body())
				.isNotBlank()
				.doesNotContain("\tat ");
		}
	}

}
