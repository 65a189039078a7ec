package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;

import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.JfrAllocationRecorder;
import io.leaks.gc.CollectionGuard;
import io.leaks.gc.GcTrigger;
import io.leaks.gc.GcTuning;
import io.leaks.gc.HotSpotVmFlags;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.Access;

import static io.leaks.actuate.SnapshotOperationsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint as a plain object (as JMX calls it): it routes each resource to its
 * feature's operations, and answers what does not exist, what a resource does not
 * answer, and features that are off.
 */
class LeaksEndpointTests {

	private static final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

	private final CollectionGuard guard = new CollectionGuard(Duration.ofSeconds(1));

	private final AllocationRecordings allocations = new AllocationRecordings(new JfrAllocationRecorder(), null,
			new AllocationRecordings.Settings(Duration.ofSeconds(60), Duration.ofMinutes(10), 300, Duration.ZERO, false,
					10, 10, 10, 10, List.of()),
			this.guard, Clock.systemUTC());

	@TempDir
	Path directory;

	@AfterEach
	void closeAllocations() {
		this.allocations.close();
	}

	@Test
	void overviewShouldSayWhatTheConfiguredFeaturesSupport() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		LeaksOverview.Capabilities supports = endpoint.overview().supports();
		assertThat(supports.histograms()).isTrue();
		assertThat(supports.heapDumps()).isTrue();
		assertThat(supports.tuning()).isTrue();
		assertThat(supports.explicitGc()).isTrue();
		assertThat(supports.access()).isEqualTo("UNRESTRICTED");
		LeaksOverview.Capabilities core = new LeaksEndpoint(Access.READ_ONLY, core()).overview().supports();
		assertThat(core.heapDumps()).as("heap dumps not configured").isFalse();
		assertThat(core.tuning()).as("tuning not configured").isFalse();
	}

	@Test
	void eachResourceShouldReachItsFeaturesOperations() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		assertThat(endpoint.action("snapshots", "routed", "false", null, null, null, null, null, null, null, null, null,
				null, null, null, null, null))
			.isInstanceOf(SnapshotSummary.class);
		assertThat(endpoint.resource("snapshots", null, null, null, null, null, null)).isInstanceOf(SnapshotList.class);
		assertThat(endpoint.item("snapshots", "routed", "2")).isInstanceOf(SnapshotDetail.class);
		assertThat(endpoint.overview().snapshots()).containsExactly("routed");
		assertThat(endpoint.remove("snapshots", "routed")).isInstanceOf(Deleted.class);
		assertThat(endpoint.resource("heapdumps", null, null, null, null, null, null))
			.isInstanceOf(HeapDumpList.class);
		assertThat(endpoint.resource("tuning", null, null, null, null, null, null)).isInstanceOf(TuningView.class);
		assertThat(post(endpoint, "gc")).isInstanceOf(GcResult.class);
		assertThat(endpoint.resource("allocations", null, null, null, null, null, null))
			.isInstanceOf(AllocationList.class);
		assertRefused(() -> endpoint.item("allocations", "1", null), 404, "No allocation recording '1'");
	}

	@Test
	void anItemOverJmxShouldDescribeTheDumpRatherThanServeIt() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		HeapDumpCreated created = (HeapDumpCreated) post(endpoint, "heapdumps", "label", "jmx", "live", "false");
		assertThat(endpoint.item("heapdumps", created.name(), null)).isInstanceOf(HeapDumpSummary.class)
			.extracting("name")
			.isEqualTo(created.name());
	}

	@Test
	void successesShouldCarryTheStatusOfTheirRoute() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		assertThat(endpoint.route(Verb.POST, "snapshots", null, Parameters.of("label", "made", "liveOnly", "false"))
			.status()).isEqualTo(201);
		assertThat(endpoint.route(Verb.GET, "snapshots", null, Parameters.none()).status()).isEqualTo(200);
	}

	@Test
	void unknownResourcesShouldBe404ListingEveryRoute() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		assertRefused(() -> endpoint.resource("nothing", null, null, null, null, null, null), 404,
				"No GET /actuator/leaks/nothing. Available: GET snapshots, GET snapshots/{label}, POST snapshots, "
						+ "DELETE snapshots/{label}, GET compare");
		assertRefused(() -> endpoint.remove("nothing", "x"), 404, "No DELETE /actuator/leaks/nothing/{name}");
	}

	@Test
	void aMethodAResourceDoesNotAnswerShouldBe405NamingTheOnesItDoes() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.resource("gc", null, null, null, null, null, null))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(405);
				assertThat(ex.allow()).containsExactly("POST");
			})
			.withMessage("GET is not supported on gc: it answers POST");
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> post(endpoint, "trend"))
			.satisfies((ex) -> assertThat(ex.allow()).containsExactly("GET"));
		assertRefused(() -> endpoint.remove("tuning", "MaxHeapFreeRatio"), 404,
				"No DELETE /actuator/leaks/tuning/{name}. Available: GET snapshots");
	}

	@Test
	void a405UnderReadOnlyAccessShouldNameThePropertyThatGrantsTheWrites() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.READ_ONLY, all());
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.resource("gc", null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.allow()).isEmpty())
			.withMessageContaining("gc answers only POST")
			.withMessageContaining("management.endpoint.leaks.access=unrestricted");
		LeaksOperationException refusal = LeaksResource.SNAPSHOTS.methodNotAllowed("DELETE", false, Access.READ_ONLY);
		assertThat(refusal.allow()).containsExactly("GET");
		assertThat(refusal).hasMessage("DELETE is not supported on snapshots: it answers GET (and, with "
				+ "management.endpoint.leaks.access=unrestricted, POST)");
	}

	@Test
	void featuresThatAreOffShouldSaySoWithTheirOwnStatus() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, core());
		assertRefused(() -> post(endpoint, "heapdumps"), 503,
				"Heap dumps are not configured");
		assertRefused(() -> endpoint.heapDumpToDownload("heapdump-20260301T101500123Z-live.hprof"), 503,
				"Heap dumps are not configured");
		assertRefused(() -> endpoint.resource("tuning", null, null, null, null, null, null), 503,
				"GC tuning is not configured");
		assertRefused(() -> endpoint.resource("trend", null, null, null, null, null, null), 404,
				"leaks.trend.enabled=true");
		assertRefused(() -> endpoint.resource("analyses", null, null, null, null, null, null), 503,
				"Heap dump analysis is off");
		assertRefused(() -> post(endpoint, "analyses", "heapDump", "latest"), 503, "Heap dump analysis is off");
		assertRefused(() -> endpoint.resource("allocations", null, null, null, null, null, null), 503,
				"leaks.allocations.enabled=true");
		assertThat(endpoint.resources()).containsExactly(LeaksResource.SNAPSHOTS, LeaksResource.COMPARE,
				LeaksResource.GC);
	}

	@Test
	void parametersOfAnotherRouteShouldBeRefusedNamingTheOnesItTakes() {
		LeaksEndpoint endpoint = new LeaksEndpoint(Access.UNRESTRICTED, all());
		assertRefused(() -> post(endpoint, "snapshots", "label", "x", "live", "false"), 400,
				"POST snapshots does not take live; it takes label, liveOnly (snapshots take liveOnly, heap dumps "
						+ "take live)");
		assertRefused(() -> post(endpoint, "gc", "preset", "aggressive"), 400,
				"POST gc does not take preset; send it without parameters");
		assertRefused(() -> post(endpoint, "allocations", "duration", "5s", "label", "x"), 400,
				"POST allocations does not take label; it takes duration, classes, oldObjects");
		assertThat(this.allocations.list()).isEmpty();
		assertRefused(() -> endpoint.resource("snapshots", "a", null, null, null, null, null), 400,
				"GET snapshots does not take from");
		assertThat(endpoint.overview().snapshots()).isEmpty();
	}

	private static Object post(LeaksEndpoint endpoint, String resource, String... namesAndValues) {
		return endpoint.route(Verb.POST, resource, null, Parameters.of(namesAndValues)).body();
	}

	private List<LeaksOperations> core() {
		return List.of(new SnapshotOperations(new Snapshots(new DiagnosticCommandHistogramSampler(server),
				new SnapshotStore(10), this.guard, Clock.systemUTC())),
				new GcOperations(new GcTrigger(new HotSpotVmFlags(server), this.guard)));
	}

	private List<LeaksOperations> all() {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(server), new HeapDumpRepository(this.directory),
				new HeapDumps.Settings(5, Long.MAX_VALUE, false, 0, false), this.guard);
		GcTuning tuning = new GcTuning(new HotSpotVmFlags(server), (event) -> {
		}, Clock.systemUTC());
		return List.of(core().get(0), core().get(1), new HeapDumpOperations(heapDumps, Access.UNRESTRICTED),
				new TuningOperations(tuning, Map::of), new AllocationOperations(this.allocations));
	}

}
