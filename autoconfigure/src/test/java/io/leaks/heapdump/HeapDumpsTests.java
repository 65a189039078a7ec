package io.leaks.heapdump;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.HeldGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real heap dumps of the test JVM through HotSpot's MBean.
 */
@Tag("collectors")
@Tag("core")
class HeapDumpsTests {

	static final long MB = 1024 * 1024;

	private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T10:15:00.123Z"), ZoneOffset.UTC);

	private static final HeapDumper hotSpot = new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer());

	private final CollectionGuard guard = new CollectionGuard(Duration.ZERO);

	@TempDir
	Path temp;

	private Path directory;

	@BeforeEach
	void directory() {
		this.directory = this.temp.resolve("dumps");
	}

	@Test
	void dumpShouldWriteAnOwnerOnlyHprofFileIntoAnOwnerOnlyDirectory() throws IOException {
		HeapDumps.Taken taken = heapDumps(settings(5, 1024 * MB, false)).dump("before:fix", true);
		HeapDump dump = taken.dump();
		assertThat(dump.name()).matches("heapdump-\\d{8}T\\d{9}Z-live-before~fix\\.hprof");
		assertThat(dump.file()).isEqualTo(this.directory.toRealPath().resolve(dump.name()));
		assertThat(dump.file()).isRegularFile();
		assertThat(dump.sizeBytes()).isEqualTo(Files.size(dump.file())).isGreaterThan(1024);
		assertThat(dump.live()).isTrue();
		assertThat(dump.label()).isEqualTo("before:fix");
		assertThat(header(Files.newInputStream(dump.file()))).isEqualTo("JAVA PROFILE 1.0.2");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory)))
			.isEqualTo("rwx------");
		assertThat(taken.deleted()).isEmpty();
		assertThat(taken.duration()).isPositive();
	}

	@Test
	void compressedDumpShouldBeAnOwnerOnlyGzipOfAnHprofAndReplaceTheOriginal() throws IOException {
		HeapDumps.Taken taken = heapDumps(settings(5, 1024 * MB, true)).dump(null, true);
		HeapDump dump = taken.dump();
		assertThat(dump.name()).endsWith("-live.hprof.gz");
		assertThat(dump.compressed()).isTrue();
		assertThat(header(new GZIPInputStream(Files.newInputStream(dump.file())))).isEqualTo("JAVA PROFILE 1.0.2");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump.file()))).isEqualTo("rw-------");
		assertThat(filesIn(this.directory)).containsExactly(dump.name());
	}

	@Test
	void twoDumpsInTheSameMillisecondShouldGetDistinctNames() {
		HeapDumps heapDumps = atFixedTime(false);
		HeapDump first = heapDumps.dump("same", true).dump();
		HeapDump second = heapDumps.dump("same", true).dump();
		assertThat(first.name()).isEqualTo("heapdump-20260301T101500123Z-live-same.hprof");
		assertThat(second.name()).isEqualTo("heapdump-20260301T101500124Z-live-same.hprof");
		assertThat(filesIn(this.directory)).containsExactly(first.name(), second.name());
	}

	@Test
	void aFailedCompressionShouldKeepTheDumpUncompressedAndSaySo() throws IOException {
		Files.createDirectories(this.directory);
		// Taken by a file that appears between choosing the name and compressing.
		Path squatter = this.directory.resolve(HeapDumpNames.partialName(DumpWriter.current(),
				"heapdump-20260301T101500123Z-live-squat.hprof.gz"));
		HeapDumper squatting = (file, live) -> {
			hotSpot.dumpHeap(file, live);
			Files.writeString(squatter, "not ours to delete");
		};
		HeapDumps heapDumps = new HeapDumps(squatting, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, true), this.guard, FIXED, () -> 0);
		HeapDumps.Taken taken = heapDumps.dump("squat", true);
		assertThat(taken.dump().compressed()).isFalse();
		assertThat(header(Files.newInputStream(taken.dump().file()))).isEqualTo("JAVA PROFILE 1.0.2");
		assertThat(taken.warnings()).anySatisfy((warning) -> assertThat(warning)
			.startsWith("Compression failed").endsWith("the dump was kept uncompressed"));
		assertThat(squatter).hasContent("not ours to delete");
	}

	@Test
	void allObjectsDumpShouldBeNamedAsSuch() {
		HeapDump dump = heapDumps(settings(5, 1024 * MB, false)).dump("everything", false).dump();
		assertThat(dump.name()).contains("-all-everything.hprof");
		assertThat(dump.live()).isFalse();
	}

	@Test
	void retentionShouldDeleteTheOldestBeyondMaxCount() {
		HeapDumps heapDumps = heapDumps(settings(2, 1024 * MB, false));
		String first = heapDumps.dump("one", true).dump().name();
		String second = heapDumps.dump("two", true).dump().name();
		HeapDumps.Taken third = heapDumps.dump("three", true);
		assertThat(third.deleted()).containsExactly(first);
		assertThat(filesIn(this.directory)).containsExactly(second, third.dump().name());
		assertThat(heapDumps.list()).extracting(HeapDump::name).containsExactly(second, third.dump().name());
	}

	@Test
	void retentionShouldNeverDeleteTheDumpJustWrittenEvenWhenItAloneIsTooLarge() {
		HeapDumps heapDumps = heapDumps(settings(5, 1, false));
		String first = heapDumps.dump("one", true).dump().name();
		HeapDumps.Taken second = heapDumps.dump("two", true);
		assertThat(second.deleted()).containsExactly(first);
		assertThat(filesIn(this.directory)).containsExactly(second.dump().name());
		assertThat(second.warnings()).anySatisfy((warning) -> assertThat(warning).contains("exceeds "
				+ "leaks.heap-dump.max-total-size"));
	}

	@Test
	void anAutomaticDumpBeyondTheLimitsShouldKeepDumpsTakenOnRequestAndSaySo() {
		HeapDumps heapDumps = heapDumps(settings(1, 1024 * MB, false));
		String beforeFix = heapDumps.dump("before_fix", true).dump().name();
		HeapDumps.Taken automatic = heapDumps.dumpAutomatically("suspected-heap");
		assertThat(automatic.dump().automatic()).isTrue();
		assertThat(automatic.deleted()).isEmpty();
		assertThat(filesIn(this.directory)).containsExactlyInAnyOrder(beforeFix, automatic.dump().name());
		assertThat(automatic.warnings()).singleElement().asString()
			.startsWith("Dumps taken on request are never deleted to make room for an automatic one")
			.contains("holds 2 dumps");
		assertThat(heapDumps.dump("after_fix", true).deleted()).containsExactly(beforeFix, automatic.dump().name());
	}

	@Test
	void retentionShouldLeaveFilesThatAreNotOursAlone() throws IOException {
		Files.createDirectories(this.directory);
		Path foreign = Files.writeString(this.directory.resolve("notes.txt"), "keep me");
		HeapDumps heapDumps = heapDumps(settings(1, 1024 * MB, false));
		heapDumps.dump("one", true);
		heapDumps.dump("two", true);
		assertThat(foreign).hasContent("keep me");
		assertThat(heapDumps.list()).hasSize(1);
	}

	@Test
	void dumpShouldBeRefusedWhenTheDiskCannotHoldItPlusTheMargin() throws IOException {
		long usable = Files.getFileStore(this.temp).getUsableSpace();
		HeapDumps heapDumps = heapDumps(new HeapDumps.Settings(5, 1024 * MB, false, usable, false));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("big", true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INSUFFICIENT_SPACE))
			.withMessageContaining("Not enough free disk space for a heap dump in " + this.directory.toRealPath())
			.withMessageContaining("leaks.heap-dump.free-space-margin")
			.withMessageContaining("Nothing was written");
		assertThat(filesIn(this.directory)).isEmpty();
	}

	@Test
	void aDumpThatFailsMidwayShouldLeaveNoPartialFile() {
		HeapDumper failing = (file, live) -> {
			hotSpot.dumpHeap(file, live);
			throw new IOException("Input/output error");
		};
		HeapDumps heapDumps = new HeapDumps(failing, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("doomed", true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.FAILED))
			.withMessage("The heap dump failed (Input/output error); the partial file was removed");
		assertThat(filesIn(this.directory)).isEmpty();
	}

	@Test
	void aDumpThatRunsOutOfSpaceMidwayShouldSaySoWithTheSpaceLeft() {
		HeapDumper failing = (file, live) -> {
			hotSpot.dumpHeap(file, live);
			throw new IOException("No space left on device");
		};
		HeapDumps heapDumps = new HeapDumps(failing, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("doomed", true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INSUFFICIENT_SPACE))
			.withMessageStartingWith("The heap dump ran out of disk space in ")
			.withMessageContaining("the partial file was removed")
			.withMessageMatching("(?s).*, [0-9.]+ (B|KiB|MiB|GiB|TiB) usable now\\..*");
		assertThat(filesIn(this.directory)).isEmpty();
	}

	@Test
	void aDumpBeingWrittenShouldBeNeitherListedNorServedNorDeletable() throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HeapDumper slow = (file, live) -> {
			hotSpot.dumpHeap(file, live);
			written.countDown();
			await(release);
		};
		HeapDumps heapDumps = new HeapDumps(slow, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard, FIXED, () -> 0);
		String name = "heapdump-20260301T101500123Z-live-slow.hprof";
		CompletableFuture<HeapDumps.Taken> dump = CompletableFuture.supplyAsync(() -> heapDumps.dump("slow", true));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(filesIn(this.directory)).singleElement().asString().startsWith(".partial-").endsWith(name);
		assertThat(heapDumps.list()).isEmpty();
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.get(name))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.NOT_FOUND));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.delete(name))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.NOT_FOUND));
		release.countDown();
		assertThat(dump.get(60, TimeUnit.SECONDS).dump().name()).isEqualTo(name);
		assertThat(filesIn(this.directory)).containsExactly(name);
	}

	@Test
	void aFailedDumpShouldNeverDeleteAFileAnotherProcessWrote() throws IOException {
		Files.createDirectories(this.directory);
		String name = "heapdump-20260301T101500123Z-live-clash.hprof";
		HeapDumper failing = (file, live) -> {
			// Another JVM of the same application dumps in the same millisecond.
			Files.writeString(this.directory.resolve(name), "the other JVM's dump");
			throw new IOException("No space left on device");
		};
		HeapDumps heapDumps = new HeapDumps(failing, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard, FIXED, () -> 0);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("clash", true));
		assertThat(this.directory.resolve(name)).hasContent("the other JVM's dump");
		assertThat(filesIn(this.directory)).containsExactly(name);
	}

	@Test
	void aNameTakenWhileDumpingShouldNeverBeOverwritten() throws IOException {
		Files.createDirectories(this.directory);
		String name = "heapdump-20260301T101500123Z-live-clash.hprof";
		HeapDumper clashing = (file, live) -> {
			hotSpot.dumpHeap(file, live);
			Files.writeString(this.directory.resolve(name), "the other JVM's dump");
		};
		HeapDumps heapDumps = new HeapDumps(clashing, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard, FIXED, () -> 0);
		HeapDump dump = heapDumps.dump("clash", true).dump();
		assertThat(dump.name()).isEqualTo("heapdump-20260301T101500124Z-live-clash.hprof");
		assertThat(header(Files.newInputStream(dump.file()))).isEqualTo("JAVA PROFILE 1.0.2");
		assertThat(this.directory.resolve(name)).hasContent("the other JVM's dump");
		assertThat(filesIn(this.directory)).containsExactly(name, dump.name());
	}

	@Test
	void aSecondDumpWhileOneIsWrittenShouldBeRefusedAtOnce() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HeapDumps heapDumps = new HeapDumps(gated(started, release), new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard);
		CompletableFuture<HeapDumps.Taken> first = CompletableFuture.supplyAsync(() -> heapDumps.dump("first", true));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(heapDumps.isBusy()).isTrue();
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("second", true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.BUSY))
			.withMessageContaining("A heap dump is already being written (started ")
			.withMessageEndingWith("one dump at a time, retry when it has finished");
		release.countDown();
		assertThat(first.get(60, TimeUnit.SECONDS).dump().label()).isEqualTo("first");
		assertThat(heapDumps.isBusy()).isFalse();
		assertThat(filesIn(this.directory)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aDumpWhileAnotherHeapOperationRunsShouldBeRefusedAsBusy(boolean live) throws Exception {
		HeapDumps heapDumps = heapDumps(settings(5, 1024 * MB, false));
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("refused", live))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.BUSY))
				.withMessageStartingWith("A heap dump stops the JVM to walk the heap")
				.withMessageContaining("another heap operation");
			assertThat(filesIn(this.directory)).isEmpty();
			assertThat(heapDumps.isBusy()).isFalse();
		}
		assertThat(heapDumps.dump("after", live).dump().live()).isEqualTo(live);
	}

	@Test
	void anotherHeapOperationWhileADumpIsWrittenShouldBeRefused() throws Exception {
		CountDownLatch dumping = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HeapDumps heapDumps = new HeapDumps(gated(dumping, release), new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard);
		CompletableFuture<HeapDumps.Taken> dump = CompletableFuture.supplyAsync(() -> heapDumps.dump("live", true));
		try {
			assertThat(dumping.await(30, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(CollectionGuard.CollectionInProgressException.class)
				.isThrownBy(() -> this.guard.run(() -> "gc"));
		}
		finally {
			release.countDown();
		}
		assertThat(dump.get(60, TimeUnit.SECONDS).dump().live()).isTrue();
		assertThat(this.guard.run(() -> "gc")).isEqualTo("gc");
	}

	@Test
	void aJvmThatCannotDumpShouldBeRefusedAsUnavailable() {
		HeapDumper none = new HotSpotHeapDumper(javax.management.MBeanServerFactory.newMBeanServer());
		HeapDumps heapDumps = new HeapDumps(none, new HeapDumpRepository(this.directory),
				settings(5, 1024 * MB, false), this.guard);
		assertThat(heapDumps.isAvailable()).isFalse();
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump(null, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("cannot dump its heap");
	}

	@Test
	void deleteShouldRemoveTheDumpAndListShouldNoLongerShowIt() {
		HeapDumps heapDumps = heapDumps(settings(5, 1024 * MB, false));
		HeapDump dump = heapDumps.dump("gone", true).dump();
		assertThat(heapDumps.get(dump.name())).isEqualTo(dump);
		assertThat(heapDumps.delete(dump.name()).name()).isEqualTo(dump.name());
		assertThat(heapDumps.list()).isEmpty();
		assertThat(dump.file()).doesNotExist();
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.get(dump.name()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.NOT_FOUND));
	}

	/**
	 * The real dumper, which first says it was reached and then waits to be released.
	 */
	private static HeapDumper gated(CountDownLatch reached, CountDownLatch release) {
		return (file, live) -> {
			reached.countDown();
			await(release);
			hotSpot.dumpHeap(file, live);
		};
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HeapDumps atFixedTime(boolean compress) {
		return new HeapDumps(hotSpot, new HeapDumpRepository(this.directory), settings(5, 1024 * MB, compress),
				this.guard, FIXED, () -> 0);
	}

	private HeapDumps heapDumps(HeapDumps.Settings settings) {
		return new HeapDumps(hotSpot, new HeapDumpRepository(this.directory), settings, this.guard);
	}

	static HeapDumps.Settings settings(int maxCount, long maxTotalBytes, boolean compress) {
		return new HeapDumps.Settings(maxCount, maxTotalBytes, compress, 0, false);
	}

	static String header(InputStream in) throws IOException {
		try (in) {
			byte[] header = in.readNBytes(19);
			assertThat(header[18]).as("NUL after the format name").isZero();
			return new String(header, 0, 18, StandardCharsets.US_ASCII);
		}
	}

	static List<String> filesIn(Path directory) {
		return Tmpfs.filesIn(directory);
	}

}
