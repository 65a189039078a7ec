package io.leaks.heapdump;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.leaks.gc.CollectionGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every way a request could try to reach outside the dump directory, with files planted
 * outside it that must survive untouched.
 */
@Tag("core")
class HeapDumpRepositoryTests {

	private static final String VALID_NAME = "heapdump-20260301T101500123Z-live-x.hprof";

	@TempDir
	Path temp;

	private Path directory;

	private Path outside;

	private HeapDumpRepository repository;

	@BeforeEach
	void plantFilesOutsideTheDirectory() throws IOException {
		this.directory = Files.createDirectory(this.temp.resolve("dumps"));
		this.outside = Files.writeString(this.temp.resolve(VALID_NAME), "outside");
		Files.writeString(this.temp.resolve("passwd"), "root:x:0:0");
		this.repository = new HeapDumpRepository(this.directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../" + VALID_NAME, "../passwd", "../../etc/passwd", "/etc/passwd", "..", ".",
			VALID_NAME + "/../../passwd", "dumps/../" + VALID_NAME, "heapdump-20260301T101500123Z-live-x.hprof\u0000",
			"\u0000", "passwd" })
	void getAndDeleteShouldRefuseNamesThatAreNotOurs(String name) {
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.get(name))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_NAME));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.delete(name))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_NAME));
		assertOutsideUntouched();
	}

	@Test
	void anAbsoluteNameInsideTheDirectoryShouldStillBeRefused() {
		String absolute = this.directory.resolve(VALID_NAME).toString();
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.delete(absolute))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_NAME));
	}

	@Test
	void overLongNamesShouldBeRefused() {
		assertThatExceptionOfType(HeapDumpException.class)
			.isThrownBy(() -> this.repository.delete("heapdump-" + "a".repeat(300) + ".hprof"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_NAME))
			.withMessageStartingWith("name is 315 characters long");
	}

	@Test
	void anUnknownButWellFormedNameShouldBeNotFound() {
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.delete(VALID_NAME))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.NOT_FOUND))
			.withMessageContaining("GET /actuator/leaks/heapdumps lists them");
		assertOutsideUntouched();
	}

	@Test
	void aSymbolicLinkWithADumpsNameShouldNeitherBeServedNorDeleted() throws IOException {
		Path link = Files.createSymbolicLink(this.directory.resolve(VALID_NAME), this.outside);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.get(VALID_NAME))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_NAME))
			.withMessageContaining("is a symbolic link");
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> this.repository.delete(VALID_NAME));
		assertThat(this.repository.list()).isEmpty();
		assertThat(link).isSymbolicLink();
		assertOutsideUntouched();
	}

	@Test
	void listShouldIgnoreFilesDirectoriesAndLinksThatAreNotOurDumps() throws IOException {
		Files.writeString(this.directory.resolve("notes.txt"), "x");
		Files.createDirectory(this.directory.resolve("heapdump-20260301T101500124Z-live.hprof"));
		Files.createSymbolicLink(this.directory.resolve("heapdump-20260301T101500125Z-live.hprof"), this.outside);
		Path ours = Files.writeString(this.directory.resolve("heapdump-20260301T101500126Z-all-mine.hprof"), "x");
		assertThat(this.repository.list()).extracting(HeapDump::name).containsExactly(ours.getFileName().toString());
	}

	@Test
	void removeStalePartialsShouldRemoveOnlyOurIncompleteDumpsOfProcessesThatNoLongerRun() throws Exception {
		String name = "heapdump-20260301T101500126Z-live-x.hprof";
		DumpWriter gone = exitedProcess();
		DumpWriter self = DumpWriter.current();
		// A previous process that had the same id (a restarted container is pid 1 again).
		DumpWriter reused = new DumpWriter(self.pid(), self.host(), self.startedAt() - 60_000);
		Process sibling = new ProcessBuilder("sleep", "60").start();
		try {
			Path ofGone = partial(gone, name);
			Path ofReused = partial(reused, name + ".gz");
			Path ofSibling = partial(DumpWriter.of(sibling.toHandle()), name);
			Path ofSelf = partial(self, name);
			Path notOurs = Files.writeString(this.directory.resolve(".partial-notes.hprof"), "x");
			Path link = Files.createSymbolicLink(
					this.directory.resolve(HeapDumpNames.partialName(gone, "heapdump-20260301T101500127Z-all.hprof")),
					this.outside);
			assertThat(this.repository.removeStalePartials()).isEqualTo(2);
			assertThat(ofGone).doesNotExist();
			assertThat(ofReused).doesNotExist();
			assertThat(ofSibling).exists();
			assertThat(ofSelf).exists();
			assertThat(notOurs).exists();
			assertThat(link).isSymbolicLink();
			assertOutsideUntouched();
		}
		finally {
			sibling.destroy();
		}
	}

	@Test
	void removeStalePartialsShouldLeaveThoseOfOtherHostsAloneEvenWhenTheirProcessIdIsFreeHere() throws Exception {
		String name = "heapdump-20260301T101500126Z-live-x.hprof";
		DumpWriter gone = exitedProcess();
		// A replica sharing the volume, whose writer has the id of a process that is gone here.
		DumpWriter replica = new DumpWriter(gone.pid(), "orders-7f9c-x2", gone.startedAt());
		Path ofReplica = partial(replica, name);
		Path ofGone = partial(gone, name + ".gz");
		assertThat(this.repository.removeStalePartials()).isEqualTo(1);
		assertThat(ofReplica).hasContent("partial");
		assertThat(ofGone).doesNotExist();
	}

	@Test
	void aPartialNameShouldNameItsWriterWithItsHost() {
		DumpWriter self = DumpWriter.current();
		String name = "heapdump-20260301T101500126Z-live-after~login.hprof";
		String partial = HeapDumpNames.partialName(self, name);
		assertThat(partial).isEqualTo(".partial-" + self.pid() + "@" + self.host() + "@" + self.startedAt() + "-" + name);
		assertThat(HeapDumpNames.parsePartial(partial)).hasValue(new HeapDumpNames.Partial(self, name));
		assertThat(HeapDumpNames.parse(partial)).isEmpty();
		DumpWriter dashed = new DumpWriter(42, "web-1-2.example", 17);
		assertThat(HeapDumpNames.parsePartial(HeapDumpNames.partialName(dashed, name)))
			.hasValue(new HeapDumpNames.Partial(dashed, name));
		assertThat(DumpWriter.safeHost("web 1/ü")).isEqualTo("web_1__");
		assertThat(DumpWriter.safeHost("")).isEqualTo("unknown-host");
		assertThat(DumpWriter.safeHost("h".repeat(300))).hasSize(63);
	}

	@Test
	void aDirectoryThatIsASymbolicLinkShouldBeUsedThroughItsRealPath() throws IOException {
		Path link = Files.createSymbolicLink(this.temp.resolve("link-to-dumps"), this.directory);
		HeapDumpRepository linked = new HeapDumpRepository(link);
		Path ours = Files.writeString(this.directory.resolve("heapdump-20260301T101500126Z-all.hprof"), "x");
		assertThat(linked.dumpDirectory().prepare()).isEqualTo(this.directory.toRealPath());
		assertThat(linked.get(ours.getFileName().toString()).file()).isEqualTo(ours.toRealPath());
	}

	@Test
	void prepareShouldCreateMissingDirectoriesOwnerOnly() throws IOException {
		Path nested = this.temp.resolve("a").resolve("dumps");
		Path real = new HeapDumpRepository(nested).dumpDirectory().prepare();
		assertThat(real).isDirectory();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rwx------");
	}

	@Test
	void prepareShouldRefuseADirectoryThatCannotBeCreated() throws IOException {
		Path file = Files.writeString(this.temp.resolve("a-file"), "x");
		assertThatExceptionOfType(HeapDumpException.class)
			.isThrownBy(() -> new HeapDumpRepository(file.resolve("dumps")).dumpDirectory().prepare())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("cannot be created or read: " + file + " already exists and is not a directory")
			.withMessageEndingWith("Point leaks.heap-dump.directory at a writable directory owned by the user that "
					+ "runs this JVM");
	}

	@Test
	void fileSystemFailuresShouldBeDescribedInWordsNotJustAPath() {
		assertThat(FileProblems.describe(new AccessDeniedException("/srv/dumps")))
			.isEqualTo("permission denied for /srv/dumps");
		assertThat(FileProblems.describe(new NoSuchFileException("/srv/dumps")))
			.isEqualTo("/srv/dumps does not exist");
		assertThat(FileProblems.describe(new NotDirectoryException("/srv/dumps")))
			.isEqualTo("/srv/dumps is not a directory");
		assertThat(FileProblems.describe(new FileSystemException("/srv/dumps", null, "Read-only file system")))
			.isEqualTo("Read-only file system (/srv/dumps)");
		assertThat(FileProblems.describe(new FileSystemException("/srv/dumps")))
			.isEqualTo("FileSystemException for /srv/dumps");
		assertThat(FileProblems.describe(new FileAlreadyExistsException("/srv/dumps")))
			.isEqualTo("/srv/dumps already exists and is not a directory");
		assertThat(FileProblems.describe(new IOException("Input/output error")))
			.isEqualTo("Input/output error");
	}

	@Test
	void prepareShouldRefuseADirectoryOfAnotherUser() throws IOException {
		assumeThat(System.getProperty("user.name")).as("only root can hand a directory to another user")
			.isEqualTo("root");
		UserPrincipal nobody = this.directory.getFileSystem().getUserPrincipalLookupService()
			.lookupPrincipalByName("nobody");
		Files.setOwner(this.directory, nobody);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(this.repository.dumpDirectory()::prepare)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("belongs to 'nobody'")
			.withMessageContaining("leaks.heap-dump.directory");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/x", "/abs", "a\u0000b", "..", "sub/dir" })
	void dumpsWithPathLikeLabelsShouldBeRefusedBeforeAnythingIsWritten(String label) {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				this.repository, HeapDumpsTests.settings(5, Long.MAX_VALUE, false), new CollectionGuard(Duration.ZERO));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump(label, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_LABEL));
		assertThat(HeapDumpsTests.filesIn(this.directory)).isEmpty();
		assertOutsideUntouched();
	}

	@Test
	void aVeryLongLabelShouldBeRefused() {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				this.repository, HeapDumpsTests.settings(5, Long.MAX_VALUE, false), new CollectionGuard(Duration.ZERO));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("x".repeat(5000), true))
			.withMessage("label is 5000 characters long; use at most 100");
		assertThat(HeapDumpsTests.filesIn(this.directory)).isEmpty();
	}

	private static DumpWriter exitedProcess() throws Exception {
		Process exited = new ProcessBuilder("sleep", "60").start();
		DumpWriter gone = DumpWriter.of(exited.toHandle());
		exited.destroy();
		exited.waitFor();
		return gone;
	}

	private Path partial(DumpWriter writer, String name) throws IOException {
		return Files.writeString(this.directory.resolve(HeapDumpNames.partialName(writer, name)), "partial");
	}

	private void assertOutsideUntouched() {
		assertThat(this.outside).hasContent("outside");
		assertThat(this.temp.resolve("passwd")).hasContent("root:x:0:0");
		try (Stream<Path> entries = Files.list(this.temp)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString()).sorted().toList())
				.isEqualTo(List.of("dumps", VALID_NAME, "passwd").stream().sorted().toList());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
