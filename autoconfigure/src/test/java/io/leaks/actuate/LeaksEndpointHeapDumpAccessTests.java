package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.management.MBeanServer;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.GcTrigger;
import io.leaks.gc.HotSpotVmFlags;
import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.Access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who may download a dump: only with download on and unrestricted access, because a dump
 * holds every secret in the heap. Also what the endpoint says when the features are not
 * configured at all.
 */
class LeaksEndpointHeapDumpAccessTests {

	private static final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

	@TempDir
	Path directory;

	@Test
	void downloadWithReadOnlyAccessShouldBeForbiddenEvenWhenTurnedOn() {
		LeaksEndpoint endpoint = endpoint(Access.READ_ONLY, true);
		String name = dumpWith(endpoint);
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.heapDumpToDownload(name))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403))
			.withMessageContaining("needs management.endpoint.leaks.access=unrestricted");
	}

	@Test
	void downloadTurnedOffShouldBeForbiddenWithHowToTurnItOn() {
		LeaksEndpoint endpoint = endpoint(Access.UNRESTRICTED, false);
		String name = dumpWith(endpoint);
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.heapDumpToDownload(name))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403))
			.withMessageContaining("set leaks.heap-dump.download=true");
	}

	@Test
	void downloadTurnedOnWithUnrestrictedAccessShouldHandOutTheFile() {
		LeaksEndpoint endpoint = endpoint(Access.UNRESTRICTED, true);
		String name = dumpWith(endpoint);
		HeapDump dump = endpoint.heapDumpToDownload(name);
		assertThat(dump.file()).isRegularFile().hasParent(this.directory);
	}

	@Test
	void anItemOverJmxShouldDescribeTheDumpRatherThanServeIt() {
		LeaksEndpoint endpoint = endpoint(Access.UNRESTRICTED, true);
		String name = dumpWith(endpoint);
		assertThat(endpoint.item("heapdumps", name, null)).isInstanceOf(HeapDumpSummary.class)
			.extracting("name")
			.isEqualTo(name);
	}

	@Test
	void withoutHeapDumpsOrTuningConfiguredTheEndpointShouldAnswer503() {
		LeaksEndpoint endpoint = new LeaksEndpoint(snapshots(), gcTrigger(), Access.UNRESTRICTED);
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.action("heapdumps", null, null, null, null, null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> endpoint.resource("tuning", null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
	}

	private String dumpWith(LeaksEndpoint endpoint) {
		return ((HeapDumpCreated) endpoint.action("heapdumps", "access", null, "true", null, null, null, null, null, null, null)).name();
	}

	private LeaksEndpoint endpoint(Access access, boolean download) {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(server), new HeapDumpRepository(this.directory),
				new HeapDumps.Settings(5, Long.MAX_VALUE, false, 0, download),
				new CollectionGuard(Duration.ofSeconds(1)));
		return new LeaksEndpoint(snapshots(), gcTrigger(), access, heapDumps, null, Map::of);
	}

	private static Snapshots snapshots() {
		return new Snapshots(new DiagnosticCommandHistogramSampler(server), new SnapshotStore(10),
				new CollectionGuard(Duration.ofSeconds(1)), Clock.systemUTC());
	}

	private static GcTrigger gcTrigger() {
		return new GcTrigger(new HotSpotVmFlags(server), new CollectionGuard(Duration.ofSeconds(1)));
	}

}
