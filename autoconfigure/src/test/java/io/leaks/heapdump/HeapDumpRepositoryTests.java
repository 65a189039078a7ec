package io.leaks.heapdump;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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
	void aDirectoryThatIsASymbolicLinkShouldBeUsedThroughItsRealPath() throws IOException {
		Path link = Files.createSymbolicLink(this.temp.resolve("link-to-dumps"), this.directory);
		HeapDumpRepository linked = new HeapDumpRepository(link);
		Path ours = Files.writeString(this.directory.resolve("heapdump-20260301T101500126Z-all.hprof"), "x");
		assertThat(linked.prepare()).isEqualTo(this.directory.toRealPath());
		assertThat(linked.get(ours.getFileName().toString()).file()).isEqualTo(ours.toRealPath());
	}

	@Test
	void prepareShouldCreateMissingDirectoriesOwnerOnly() throws IOException {
		Path nested = this.temp.resolve("a").resolve("dumps");
		Path real = new HeapDumpRepository(nested).prepare();
		assertThat(real).isDirectory();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rwx------");
	}

	@Test
	void prepareShouldRefuseADirectoryThatCannotBeCreated() throws IOException {
		Path file = Files.writeString(this.temp.resolve("a-file"), "x");
		assertThatExceptionOfType(HeapDumpException.class)
			.isThrownBy(() -> new HeapDumpRepository(file.resolve("dumps")).prepare())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("cannot be created or read")
			.withMessageEndingWith("Point leaks.heap-dump.directory at a writable directory owned by the user that "
					+ "runs this JVM");
	}

	@Test
	void prepareShouldRefuseADirectoryOfAnotherUser() throws IOException {
		assumeThat(System.getProperty("user.name")).as("only root can hand a directory to another user")
			.isEqualTo("root");
		UserPrincipal nobody = this.directory.getFileSystem().getUserPrincipalLookupService()
			.lookupPrincipalByName("nobody");
		Files.setOwner(this.directory, nobody);
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(this.repository::prepare)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.UNAVAILABLE))
			.withMessageContaining("belongs to 'nobody'")
			.withMessageContaining("leaks.heap-dump.directory");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/x", "/abs", "a\u0000b", "..", "sub/dir" })
	void dumpsWithPathLikeLabelsShouldBeRefusedBeforeAnythingIsWritten(String label) {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				this.repository, HeapDumpsTests.settings(5, Long.MAX_VALUE, false));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump(label, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(HeapDumpException.Reason.INVALID_LABEL));
		assertThat(HeapDumpsTests.filesIn(this.directory)).isEmpty();
		assertOutsideUntouched();
	}

	@Test
	void aVeryLongLabelShouldBeRefused() {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				this.repository, HeapDumpsTests.settings(5, Long.MAX_VALUE, false));
		assertThatExceptionOfType(HeapDumpException.class).isThrownBy(() -> heapDumps.dump("x".repeat(5000), true))
			.withMessage("label is 5000 characters long; use at most 100");
		assertThat(HeapDumpsTests.filesIn(this.directory)).isEmpty();
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
