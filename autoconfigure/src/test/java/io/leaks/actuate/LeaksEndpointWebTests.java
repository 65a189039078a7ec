package io.leaks.actuate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.HeldGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint over real HTTP on a random port, against the real JVM.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted", "leaks.snapshots.max-count=3" })
@AutoConfigureTestRestTemplate
class LeaksEndpointWebTests {

	/** Objects this test retains on purpose, so a diff has something to find. */
	static final List<RetainedWidget> retained = new ArrayList<>();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private CollectionGuard guard;

	@AfterEach
	void deleteSnapshots() {
		retained.clear();
		for (Object snapshot : (List<?>) get("/actuator/leaks/snapshots").getBody().get("snapshots")) {
			this.rest.delete("/actuator/leaks/snapshots/" + ((Map<?, ?>) snapshot).get("label"));
		}
	}

	@Test
	void overviewShouldDescribeHeapPoolsCollectorsAndCapabilities() {
		ResponseEntity<Map> response = get("/actuator/leaks");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = response.getBody();
		assertThat(((Number) ((Map<?, ?>) body.get("heap")).get("used")).longValue()).isPositive();
		assertThat(((Number) ((Map<?, ?>) body.get("heap")).get("max")).longValue()).isPositive();
		assertThat((List<?>) body.get("pools")).isNotEmpty();
		assertThat((List<?>) body.get("collectors")).isNotEmpty();
		assertThat(body).containsKey("pendingFinalization").containsKey("snapshots").containsKey("nonHeap");
		assertThat((Map<String, Object>) body.get("supports")).containsEntry("histograms", true)
			.containsEntry("heapDumps", true)
			.containsEntry("tuning", true)
			.containsEntry("access", "UNRESTRICTED");
	}

	@Test
	void snapshotExerciseSnapshotCompareShouldNameTheGrowingClass() {
		ResponseEntity<Map> first = post("/actuator/leaks/snapshots", "{\"label\": \"before\"}");
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody()).containsEntry("label", "before")
			.containsEntry("liveOnly", true)
			.containsKeys("takenAt", "classCount", "totalInstances", "totalBytes", "durationMillis", "evicted");
		for (int i = 0; i < 1500; i++) {
			retained.add(new RetainedWidget(i, new byte[64]));
		}
		assertThat(post("/actuator/leaks/snapshots", "{\"label\": \"after\"}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map> comparison = get("/actuator/leaks/compare?from=before&to=after&sort=instances&top=5");
		assertThat(comparison.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(comparison.getBody()).containsEntry("from", "before")
			.containsEntry("to", "after")
			.containsEntry("sort", "instances")
			.containsKeys("totals", "warnings");
		List<Map<String, Object>> rows = (List<Map<String, Object>>) comparison.getBody().get("rows");
		assertThat(rows).hasSizeLessThanOrEqualTo(5);
		assertThat(rows).anySatisfy((row) -> {
			assertThat(row).containsEntry("className", RetainedWidget.class.getName()).containsEntry("jdk", false);
			assertThat(((Number) row.get("instancesDelta")).longValue()).isEqualTo(1500);
			assertThat(row).containsKeys("instancesFrom", "instancesTo", "bytesFrom", "bytesTo", "bytesDelta");
		});
		List<Map<String, Object>> appOnly = (List<Map<String, Object>>) get(
				"/actuator/leaks/compare?to=after&sort=instances&excludeJdk=true&top=1")
			.getBody()
			.get("rows");
		assertThat(appOnly).singleElement().satisfies((row) -> assertThat(row).containsEntry("className",
				RetainedWidget.class.getName()));
	}

	@Test
	void compareWithoutFromShouldUseThePreviousSnapshotAndAPostWithNowATakeAFreshOne() {
		post("/actuator/leaks/snapshots", "{\"label\": \"one\"}");
		post("/actuator/leaks/snapshots", "{\"label\": \"two\"}");
		assertThat(get("/actuator/leaks/compare?to=two").getBody()).containsEntry("from", "one");
		assertThat(get("/actuator/leaks/compare").getBody()).containsEntry("from", "one").containsEntry("to", "two");
		for (int i = 0; i < 700; i++) {
			retained.add(new RetainedWidget(i, new byte[8]));
		}
		ResponseEntity<Map> now = post("/actuator/leaks/compare",
				"{\"to\": \"now\", \"sort\": \"instances\", \"excludeJdk\": true, \"top\": 3}");
		assertThat(now.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(now.getBody()).containsEntry("from", "two").containsEntry("to", "now").containsEntry("top", 3);
		assertThat((List<Map<String, Object>>) now.getBody().get("rows")).anySatisfy(
				(row) -> assertThat(row).containsEntry("className", RetainedWidget.class.getName()));
		assertThat(post("/actuator/leaks/compare", "{\"from\": \"one\"}").getBody()).as("to defaults to now")
			.containsEntry("from", "one")
			.containsEntry("to", "now");
		assertThat((List<?>) get("/actuator/leaks/snapshots").getBody().get("snapshots")).hasSize(2);
	}

	@Test
	void aGetComparingWithNowShouldBe405NamingThePostAndTakeNothing() {
		post("/actuator/leaks/snapshots", "{\"label\": \"stored\"}");
		long fullCollections = fullCollections();
		ResponseEntity<Map> response = get("/actuator/leaks/compare?from=stored&to=now");
		assertError(response, HttpStatus.METHOD_NOT_ALLOWED, "POST /actuator/leaks/compare with {\"from\"");
		assertThat((List<Object>) response.getBody().get("allow")).containsExactly("POST");
		assertThat(fullCollections()).as("no collection forced by a GET").isEqualTo(fullCollections);
	}

	static long fullCollections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.filter((collector) -> !collector.getName().contains("Young"))
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	@Test
	void snapshotDetailShouldListTheLargestClasses() {
		post("/actuator/leaks/snapshots", "{\"label\": \"detail\", \"liveOnly\": false}");
		ResponseEntity<Map> detail = get("/actuator/leaks/snapshots/detail?top=4");
		assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(detail.getBody()).containsEntry("liveOnly", false).containsEntry("top", 4);
		List<Map<String, Object>> classes = (List<Map<String, Object>>) detail.getBody().get("classes");
		assertThat(classes).hasSize(4).allSatisfy((row) -> assertThat(row).containsKeys("className", "instances",
				"bytes", "jdk", "displayName"));
		long first = ((Number) classes.get(0).get("bytes")).longValue();
		long last = ((Number) classes.get(3).get("bytes")).longValue();
		assertThat(first).isGreaterThanOrEqualTo(last);
	}

	@Test
	void takingMoreThanMaxCountShouldEvictTheOldestAndSaySo() {
		post("/actuator/leaks/snapshots", "{\"label\": \"s1\", \"liveOnly\": false}");
		post("/actuator/leaks/snapshots", "{\"label\": \"s2\", \"liveOnly\": false}");
		post("/actuator/leaks/snapshots", "{\"label\": \"s3\", \"liveOnly\": false}");
		ResponseEntity<Map> fourth = post("/actuator/leaks/snapshots", "{\"label\": \"s4\", \"liveOnly\": false}");
		assertThat(fourth.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat((List<Object>) fourth.getBody().get("evicted")).containsExactly("s1");
		Map<String, Object> list = get("/actuator/leaks/snapshots").getBody();
		assertThat(list).containsEntry("maxCount", 3);
		assertThat((List<Map<String, Object>>) list.get("snapshots")).extracting((s) -> s.get("label"))
			.containsExactly("s2", "s3", "s4");
	}

	@Test
	void deleteShouldRemoveTheSnapshot() {
		post("/actuator/leaks/snapshots", "{\"label\": \"gone\", \"liveOnly\": false}");
		ResponseEntity<Map> deleted = exchange(HttpMethod.DELETE, "/actuator/leaks/snapshots/gone", null);
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deleted.getBody()).containsEntry("deleted", "gone");
		assertError(exchange(HttpMethod.DELETE, "/actuator/leaks/snapshots/gone", null), HttpStatus.NOT_FOUND, "gone");
	}

	@Test
	void gcShouldReportWhatItFreed() {
		ResponseEntity<Map> response = post("/actuator/leaks/gc", null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = response.getBody();
		assertThat(body).containsEntry("performed", true).containsEntry("explicitGcDisabled", false);
		assertThat(body).containsKeys("heapBefore", "heapAfter", "freedBytes", "durationMillis", "message");
		assertThat(((Number) body.get("freedBytes")).longValue()).isNotNegative();
		assertThat((List<Map<String, Object>>) body.get("collections"))
			.anySatisfy((c) -> assertThat(((Number) c.get("count")).longValue()).isPositive());
	}

	@Test
	void heapOperationsWhileAnotherRunsShouldBeRefusedAt429NotQueued() throws Exception {
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			assertError(post("/actuator/leaks/gc", null), HttpStatus.TOO_MANY_REQUESTS, "one at a time");
			assertError(post("/actuator/leaks/snapshots", "{\"label\": \"busy\"}"), HttpStatus.TOO_MANY_REQUESTS,
					"one at a time");
			assertError(post("/actuator/leaks/snapshots", "{\"label\": \"busy\", \"liveOnly\": false}"),
					HttpStatus.TOO_MANY_REQUESTS, "Retry");
		}
		assertThat(post("/actuator/leaks/snapshots", "{\"label\": \"busy\"}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void parametersOfAnotherOperationShouldBeRefusedRatherThanIgnored() {
		assertError(post("/actuator/leaks/snapshots", "{\"label\": \"x\", \"live\": false}"), HttpStatus.BAD_REQUEST,
				"takes label, liveOnly");
		assertError(post("/actuator/leaks/gc", "{\"preset\": \"aggressive\"}"), HttpStatus.BAD_REQUEST,
				"without parameters");
		assertThat((List<?>) get("/actuator/leaks/snapshots").getBody().get("snapshots")).isEmpty();
	}

	@Test
	void bodiesThatAreNotFlatJsonObjectsShouldSayWhatIsWrong() {
		assertError(post("/actuator/leaks/snapshots", "{\"label\": [\"a\", \"b\"]}"), HttpStatus.BAD_REQUEST,
				"'label' must be a string, number or boolean, but was an array");
		assertError(post("/actuator/leaks/snapshots", "{\"label\": {\"a\": 1}}"), HttpStatus.BAD_REQUEST,
				"'label' must be a string, number or boolean, but was an object");
		assertError(post("/actuator/leaks/snapshots", "[1, 2]"), HttpStatus.BAD_REQUEST,
				"The body must be a JSON object, but was an array");
	}

	@Test
	void methodNotAllowedWithWriteAccessShouldNotBlameAccess() {
		ResponseEntity<Map> response = exchange(HttpMethod.DELETE, "/actuator/leaks/snapshots", null);
		assertError(response, HttpStatus.METHOD_NOT_ALLOWED, "not supported");
		assertThat((String) response.getBody().get("message")).doesNotContain("management.endpoint.leaks.access");
	}

	@Test
	void gcShouldWorkWithAPlainPostWithoutBodyOrContentType() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + "/actuator/leaks/gc"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"performed\":true");
	}

	@Test
	void compareWithFilterShouldKeepOnlyMatchingClassesWhicheverWayTheyMoved() {
		post("/actuator/leaks/snapshots", "{\"label\": \"f1\"}");
		for (int i = 0; i < 300; i++) {
			retained.add(new RetainedWidget(i, new byte[8]));
		}
		post("/actuator/leaks/snapshots", "{\"label\": \"f2\"}");
		retained.clear();
		post("/actuator/leaks/snapshots", "{\"label\": \"f3\"}");
		Map<String, Object> grew = get("/actuator/leaks/compare?from=f1&to=f2&filter=retainedwidget").getBody();
		assertThat(grew).containsEntry("filter", "retainedwidget");
		assertThat((List<Map<String, Object>>) grew.get("rows")).singleElement()
			.satisfies((row) -> assertThat(((Number) row.get("instancesDelta")).longValue()).isEqualTo(300));
		List<Map<String, Object>> shrank = (List<Map<String, Object>>) get(
				"/actuator/leaks/compare?from=f2&to=f3&filter=LeaksEndpointWebTests$RetainedWidget")
			.getBody()
			.get("rows");
		assertThat(shrank).singleElement()
			.satisfies((row) -> assertThat(((Number) row.get("instancesDelta")).longValue()).isEqualTo(-300));
		assertError(get("/actuator/leaks/compare?from=f1&to=f2&filter=" + "x".repeat(201)), HttpStatus.BAD_REQUEST,
				"at most 200");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"label\": \"\"}", "{\"label\": \"   \"}", "{}", "{\"label\": \"a/b\"}",
			"{\"label\": \"tab\\there\"}", "{\"label\": \"nul\\u0000\"}", "{\"label\": \"now\"}" })
	void takeSnapshotWithBadInputShouldExplainTheProblem(String body) {
		assertError(post("/actuator/leaks/snapshots", body), HttpStatus.BAD_REQUEST, "label");
	}

	@Test
	void takeSnapshotWithInvalidLiveOnlyShouldSayWhichValuesWork() {
		assertError(post("/actuator/leaks/snapshots", "{\"label\": \"x\", \"liveOnly\": \"maybe\"}"),
				HttpStatus.BAD_REQUEST, "liveOnly must be true or false");
	}

	@Test
	void takeSnapshotWithOverLongLabelShouldSayTheLimit() {
		assertError(post("/actuator/leaks/snapshots", "{\"label\": \"" + "a".repeat(101) + "\"}"),
				HttpStatus.BAD_REQUEST, "at most 100");
	}

	@Test
	void takeSnapshotWithMissingBodyShouldSayWhatToSend() {
		assertError(post("/actuator/leaks/snapshots", null), HttpStatus.BAD_REQUEST, "label is required");
	}

	@Test
	void takeSnapshotWithMalformedJsonShouldSayItIsNotJson() {
		assertError(post("/actuator/leaks/snapshots", "{\"label\": "), HttpStatus.BAD_REQUEST, "not valid JSON");
		assertError(post("/actuator/leaks/snapshots", "label=x"), HttpStatus.BAD_REQUEST, "not valid JSON");
	}

	@Test
	void takeSnapshotWithWrongContentTypeShouldSayWhichToUse() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_PLAIN);
		ResponseEntity<Map> response = this.rest.exchange("/actuator/leaks/snapshots", HttpMethod.POST,
				new HttpEntity<>("{\"label\": \"x\"}", headers), Map.class);
		assertError(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "application/json");
	}

	@Test
	void takeSnapshotWithTakenLabelShouldConflict() {
		post("/actuator/leaks/snapshots", "{\"label\": \"twice\", \"liveOnly\": false}");
		assertError(post("/actuator/leaks/snapshots", "{\"label\": \"twice\"}"), HttpStatus.CONFLICT,
				"already exists");
	}

	@Test
	void unknownLabelsShouldBeNotFoundAndListTheKnownOnes() {
		post("/actuator/leaks/snapshots", "{\"label\": \"known\", \"liveOnly\": false}");
		assertError(get("/actuator/leaks/snapshots/unknown"), HttpStatus.NOT_FOUND, "known");
		assertError(get("/actuator/leaks/compare?from=unknown&to=known"), HttpStatus.NOT_FOUND, "unknown");
		assertError(get("/actuator/leaks/compare?to=known"), HttpStatus.BAD_REQUEST, "No snapshot was taken before");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "10001", "-3", "abc", "1.5" })
	void topOutOfRangeShouldSayTheRange(String top) {
		post("/actuator/leaks/snapshots", "{\"label\": \"t1\", \"liveOnly\": false}");
		post("/actuator/leaks/snapshots", "{\"label\": \"t2\", \"liveOnly\": false}");
		assertError(get("/actuator/leaks/snapshots/t1?top=" + top), HttpStatus.BAD_REQUEST, "10000");
		assertError(get("/actuator/leaks/compare?from=t1&to=t2&top=" + top), HttpStatus.BAD_REQUEST, "10000");
	}

	@Test
	void unknownSortShouldNameTheValidOnes() {
		post("/actuator/leaks/snapshots", "{\"label\": \"u1\", \"liveOnly\": false}");
		post("/actuator/leaks/snapshots", "{\"label\": \"u2\", \"liveOnly\": false}");
		assertError(get("/actuator/leaks/compare?from=u1&to=u2&sort=size"), HttpStatus.BAD_REQUEST, "instances");
		assertError(get("/actuator/leaks/compare?from=u1&to=u1"), HttpStatus.BAD_REQUEST, "two different");
	}

	@Test
	void compareWithoutSnapshotsShouldSayWhatToDo() {
		assertError(get("/actuator/leaks/compare"), HttpStatus.BAD_REQUEST, "POST /actuator/leaks/snapshots");
	}

	@Test
	void unknownResourcesShouldBeNotFoundWithTheAvailableOnes() {
		assertError(get("/actuator/leaks/nothing"), HttpStatus.NOT_FOUND, "Available");
		assertError(post("/actuator/leaks/nothing", "{}"), HttpStatus.NOT_FOUND, "Available");
		assertError(get("/actuator/leaks/a/b/c"), HttpStatus.NOT_FOUND, "Available");
	}

	private void assertError(ResponseEntity<Map> response, HttpStatus status, String messagePart) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(response.getBody()).containsEntry("status", status.value()).containsKey("error");
		assertThat((String) response.getBody().get("message")).contains(messagePart).doesNotContain("\tat ");
		assertThat(response.getBody()).doesNotContainKey("trace");
	}

	private ResponseEntity<Map> get(String path) {
		return this.rest.getForEntity(path, Map.class);
	}

	private ResponseEntity<Map> post(String path, String json) {
		return exchange(HttpMethod.POST, path, json);
	}

	private ResponseEntity<Map> exchange(HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
	}

	record RetainedWidget(int id, byte[] payload) {
	}

}
