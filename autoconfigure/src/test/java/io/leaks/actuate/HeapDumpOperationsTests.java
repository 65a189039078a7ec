package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.leaks.gc.CollectionGuard;
import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.Access;

import static io.leaks.actuate.SnapshotOperationsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Heap dumps without HTTP, written by the real JVM. Who may download one: only with
 * download on and unrestricted access, because a dump holds every secret in the heap.
 */
class HeapDumpOperationsTests {

	@TempDir
	Path directory;

	@Test
	void dumpListDescribeAndDeleteShouldWorkOnTheRealJvm() {
		HeapDumpOperations operations = operations(Access.UNRESTRICTED, false);
		HeapDumpCreated created = operations.dump("unit", false);
		assertThat(created.name()).endsWith("-all-unit.hprof");
		assertThat(this.directory.resolve(created.name())).isRegularFile();
		assertThat(operations.list().dumps()).extracting(HeapDumpSummary::name).containsExactly(created.name());
		assertThat(operations.describe(created.name()).sizeBytes()).isEqualTo(created.sizeBytes());
		assertThat(operations.delete(created.name()).deleted()).isEqualTo(created.name());
		assertThat(this.directory.resolve(created.name())).doesNotExist();
		assertRefused(() -> operations.describe(created.name()), 404, "No heap dump named");
	}

	@Test
	void namesAndLabelsThatAreNotOursShouldBe400() {
		HeapDumpOperations operations = operations(Access.UNRESTRICTED, false);
		assertRefused(() -> operations.delete("passwd"), 400, "is not the name of a heap dump");
		assertRefused(() -> operations.dump("../x", false), 400, "label");
	}

	@Test
	void downloadWithReadOnlyAccessShouldBeForbiddenEvenWhenTurnedOn() {
		HeapDumpOperations operations = operations(Access.READ_ONLY, true);
		String name = operations.dump("access", false).name();
		assertRefused(() -> operations.download(name), 403, "needs management.endpoint.leaks.access=unrestricted");
	}

	@Test
	void downloadTurnedOffShouldBeForbiddenWithHowToTurnItOn() {
		HeapDumpOperations operations = operations(Access.UNRESTRICTED, false);
		String name = operations.dump("access", false).name();
		assertRefused(() -> operations.download(name), 403, "set leaks.heap-dump.download=true");
	}

	@Test
	void downloadTurnedOnWithUnrestrictedAccessShouldHandOutTheFile() throws Exception {
		HeapDumpOperations operations = operations(Access.UNRESTRICTED, true);
		String name = operations.dump("access", false).name();
		HeapDump dump = operations.download(name);
		assertThat(dump.file()).isRegularFile().hasParent(this.directory);
		assertThat(Files.size(dump.file())).isPositive();
	}

	@Test
	void readOnlyCallersShouldNeverBeToldWhereTheDumpsAre() {
		HeapDumpOperations readOnly = operations(Access.READ_ONLY, false);
		assertThat(readOnly.list().directory()).isNull();
		assertThat(operations(Access.UNRESTRICTED, false).list().directory()).isEqualTo(this.directory.toString());
		String name = operations(Access.UNRESTRICTED, false).dump("secret", false).name();
		assertThatExceptionOfType(LeaksOperationException.class).isThrownBy(() -> readOnly.download(name))
			.withMessageContaining("copy the file from leaks.heap-dump.directory on the host")
			.withMessageNotContaining(this.directory.toString());
		// The heap-dump package names the directory in its refusals, but not to read-only callers.
		String unknown = "heapdump-20260301T101500123Z-live.hprof";
		assertRefused(() -> operations(Access.UNRESTRICTED, false).describe(unknown), 404,
				"in " + this.directory);
		assertThatExceptionOfType(LeaksOperationException.class).isThrownBy(() -> readOnly.describe(unknown))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("No heap dump named '" + unknown + "' in leaks.heap-dump.directory")
			.withMessageNotContaining(this.directory.toString());
	}

	private HeapDumpOperations operations(Access access, boolean download) {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				new HeapDumpRepository(this.directory), new HeapDumps.Settings(5, Long.MAX_VALUE, false, 0, download),
				new CollectionGuard(Duration.ofSeconds(1)));
		return new HeapDumpOperations(heapDumps, access);
	}

}
