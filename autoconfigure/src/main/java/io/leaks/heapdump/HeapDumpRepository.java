package io.leaks.heapdump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The directory heap dumps live in. It only ever touches files whose names
 * {@link HeapDumpNames} generated, resolves every name inside the directory and checks the
 * result is still there, never follows symbolic links, and keeps dumps readable by their
 * owner only (a dump holds every secret in the heap).
 */
public final class HeapDumpRepository {

	private static final Log logger = LogFactory.getLog(HeapDumpRepository.class);

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final HeapDumpNames.Writer writer = HeapDumpNames.Writer.current();

	private volatile boolean warnedAboutPermissions;

	public HeapDumpRepository(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	/**
	 * The directory dumps go to unless one is configured: one per application, so that
	 * the services of a host never list, serve or delete each other's dumps, and dumps
	 * survive a restart.
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @return {@code ${java.io.tmpdir}/leaks-heapdumps/<application name>}
	 */
	public static Path defaultDirectory(@Nullable String applicationName) {
		return Path.of(System.getProperty("java.io.tmpdir"), "leaks-heapdumps",
				HeapDumpNames.directoryName(applicationName));
	}

	/**
	 * The directory as configured.
	 * @return its absolute path
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Every dump in the directory. Files with other names, directories and symbolic links
	 * are ignored: they are not ours.
	 * @return the dumps, oldest first
	 */
	public List<HeapDump> list() {
		Path base = base();
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		List<HeapDump> dumps = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
			for (Path entry : entries) {
				read(entry).ifPresent(dumps::add);
			}
		}
		catch (IOException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE,
					"Cannot list heap dump directory " + base + ": " + describe(ex), ex);
		}
		dumps.sort(Comparator.comparing(HeapDump::createdAt).thenComparing(HeapDump::name));
		return dumps;
	}

	/**
	 * Finds a dump by the name a request gave.
	 * @param name the name
	 * @return the dump
	 * @throws HeapDumpException {@code INVALID_NAME} if the name is not one we generate or
	 * is a symbolic link, {@code NOT_FOUND} if there is no such dump
	 */
	public HeapDump get(String name) {
		Path file = resolve(name);
		if (Files.isSymbolicLink(file)) {
			throw new HeapDumpException(HeapDumpException.Reason.INVALID_NAME, "'" + name
					+ "' is a symbolic link, not a heap dump written by leaks; links are never followed");
		}
		return read(file).orElseThrow(() -> new HeapDumpException(HeapDumpException.Reason.NOT_FOUND,
				"No heap dump named '" + name + "' in " + base() + "; GET /actuator/leaks/heapdumps lists them"));
	}

	/**
	 * Deletes a dump by the name a request gave.
	 * @param name the name
	 * @return the deleted dump
	 * @throws HeapDumpException as {@link #get(String)}
	 */
	public HeapDump delete(String name) {
		HeapDump dump = get(name);
		try {
			Files.delete(dump.file());
		}
		catch (NoSuchFileException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.NOT_FOUND, "Heap dump '" + name
					+ "' was deleted meanwhile");
		}
		catch (IOException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.FAILED,
					"Could not delete heap dump '" + name + "': " + describe(ex), ex);
		}
		return dump;
	}

	/**
	 * Creates the directory if needed (owner-only where the file system is POSIX) and
	 * checks that it is safe to write dumps into.
	 * @return the directory's real path
	 * @throws HeapDumpException {@code UNAVAILABLE} if it cannot be created or belongs to
	 * another user
	 */
	Path prepare() {
		try {
			if (!Files.exists(this.directory)) {
				create(this.directory);
			}
			Path real = this.directory.toRealPath();
			if (!Files.isDirectory(real)) {
				throw unusable(real + " is not a directory");
			}
			checkOwner(real);
			removeStalePartials();
			return real;
		}
		catch (IOException ex) {
			throw unusable("it cannot be created or read: " + describe(ex));
		}
	}

	/**
	 * Chooses the name of a new dump and the temporary file it is written to. If a dump
	 * of that millisecond exists (the clock went back, or another process of the same
	 * application dumped at the same moment), the next free millisecond is used.
	 * @param createdAt when the dump starts
	 * @param automatic whether it is taken automatically rather than on request
	 * @param live whether it holds live objects only
	 * @param label a valid label, or {@code null}
	 * @return the dump to write
	 */
	Pending newDump(Instant createdAt, boolean automatic, boolean live, @Nullable String label) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			String name = HeapDumpNames.generate(createdAt.plusMillis(attempt), automatic, live, label);
			String compressed = HeapDumpNames.compressedName(name);
			Pending pending = new Pending(partialFile(name), name);
			if (!exists(resolve(name)) && !exists(resolve(compressed)) && !exists(pending.file())
					&& !exists(partialFile(compressed))) {
				return pending;
			}
		}
		throw new HeapDumpException(HeapDumpException.Reason.FAILED,
				"Every name for a dump at " + createdAt + " is taken in " + base() + "; retry in a moment");
	}

	/**
	 * Gives a complete dump its name, atomically: until then it is invisible. A name taken
	 * meanwhile (by another process) is never replaced; the dump gets the next free
	 * millisecond instead.
	 * @param pending the complete dump
	 * @return the dump under its name
	 * @throws IOException if it cannot be renamed
	 */
	HeapDump publish(Pending pending) throws IOException {
		String name = pending.name();
		for (int attempt = 0; attempt < 1000; attempt++) {
			Path target = resolve(name);
			if (claim(pending.file(), target)) {
				return read(target).orElseThrow(() -> new HeapDumpException(HeapDumpException.Reason.FAILED,
						"The JVM reported success but wrote no heap dump at " + target));
			}
			name = HeapDumpNames.next(name);
		}
		throw new FileAlreadyExistsException(pending.file().toString(), null,
				"every name from " + pending.name() + " on is taken");
	}

	/**
	 * Removes the temporary file of a dump that failed. Its name carries this process's
	 * id and start time and was free when the dump started, so whatever is there was
	 * written by this process.
	 * @param pending the failed dump
	 */
	void discard(Pending pending) {
		deleteQuietly(pending.file());
	}

	/**
	 * Removes the temporary files of dumps whose process stopped while writing them (a
	 * crash, a kill). Files of processes that still run, and every file not named like
	 * ours, are left alone.
	 * @return how many were removed
	 */
	public int removeStalePartials() {
		Path base = base();
		if (!Files.isDirectory(base)) {
			return 0;
		}
		int removed = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
			for (Path entry : entries) {
				Optional<HeapDumpNames.Partial> partial = HeapDumpNames.parsePartial(entry.getFileName().toString());
				if (partial.isPresent() && isStale(partial.get())
						&& Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
					Files.deleteIfExists(entry);
					removed++;
					logger.info("Removed " + entry + ", an incomplete heap dump left by process "
							+ partial.get().writer().pid() + ", which no longer runs");
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Could not remove incomplete heap dumps from " + base + ": " + describe(ex));
		}
		return removed;
	}

	long usableSpace() throws IOException {
		return Files.getFileStore(base()).getUsableSpace();
	}

	boolean isInMemory() {
		try {
			FileStore store = Files.getFileStore(base());
			return "tmpfs".equals(store.type()) || "ramfs".equals(store.type());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Makes a file readable and writable by its owner only, where the file system knows
	 * POSIX permissions.
	 * @param file the file
	 * @throws IOException if the permissions cannot be set
	 */
	void restrictToOwner(Path file) throws IOException {
		PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (posix != null) {
			posix.setPermissions(OWNER_ONLY_FILE);
		}
	}

	/**
	 * Compresses a dump being written with gzip into an owner-only temporary
	 * {@code .hprof.gz} beside it and removes the original. If compression fails, the
	 * partial {@code .gz} is removed and the original stays.
	 * @param hprof the uncompressed dump
	 * @return the compressed dump, still under its temporary name
	 * @throws IOException if compression failed
	 */
	Pending compress(Pending hprof) throws IOException {
		String name = HeapDumpNames.compressedName(hprof.name());
		Path gz = partialFile(name);
		try {
			Files.createFile(gz, ownerOnly(gz, OWNER_ONLY_FILE));
			try (InputStream in = Files.newInputStream(hprof.file(), LinkOption.NOFOLLOW_LINKS);
					OutputStream out = new FastGzipOutputStream(Files.newOutputStream(gz, StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
				in.transferTo(out);
			}
			restrictToOwner(gz);
		}
		catch (IOException | RuntimeException ex) {
			if (!(ex instanceof FileAlreadyExistsException)) {
				deleteQuietly(gz);
			}
			throw ex;
		}
		Files.delete(hprof.file());
		return new Pending(gz, name);
	}

	/**
	 * Deletes a file if it exists, never following a link; failures are logged.
	 * @param file the file
	 */
	private void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete " + file + ": " + describe(ex));
		}
	}

	private boolean isStale(HeapDumpNames.Partial partial) {
		return !partial.writer().equals(this.writer) && !partial.writer().isRunning();
	}

	/**
	 * Renames a complete dump unless the name is taken. A hard link is atomic and fails
	 * if the name exists, where a rename, even {@code ATOMIC_MOVE}, would silently replace
	 * another process's dump.
	 */
	private boolean claim(Path partial, Path target) throws IOException {
		try {
			Files.createLink(target, partial);
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			// No hard links here: a move that refuses an existing name, atomic on one file
			// system (the temporary file is in the same directory).
			try {
				Files.move(partial, target);
				return true;
			}
			catch (FileAlreadyExistsException taken) {
				return false;
			}
		}
		deleteQuietly(partial);
		return true;
	}

	private Path partialFile(String name) {
		return resolve(name).resolveSibling(HeapDumpNames.partialName(this.writer, name));
	}

	private static boolean exists(Path file) {
		return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
	}

	private Path resolve(String name) {
		String problem = HeapDumpNames.nameProblem(name);
		if (problem != null) {
			throw new HeapDumpException(HeapDumpException.Reason.INVALID_NAME, problem);
		}
		Path base = base();
		Path file = base.resolve(name).normalize();
		// The name pattern already excludes separators; this check stays in case it ever
		// changes, so that no request can reach outside the directory.
		if (!file.startsWith(base) || !base.equals(file.getParent())) {
			throw new HeapDumpException(HeapDumpException.Reason.INVALID_NAME,
					"'" + name + "' does not name a file inside the heap dump directory");
		}
		return file;
	}

	private Optional<HeapDump> read(Path file) {
		Optional<HeapDumpNames.Parsed> parsed = HeapDumpNames.parse(file.getFileName().toString());
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			HeapDumpNames.Parsed name = parsed.get();
			return Optional.of(new HeapDump(file.getFileName().toString(), file, attributes.size(), name.createdAt(),
					name.automatic(), name.live(), name.label(), name.compressed()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private Path base() {
		try {
			return Files.isDirectory(this.directory) ? this.directory.toRealPath() : this.directory;
		}
		catch (IOException ex) {
			return this.directory;
		}
	}

	private void create(Path directory) throws IOException {
		Path parent = directory.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.createDirectory(directory, ownerOnly(parent, OWNER_ONLY_DIRECTORY));
		}
		catch (FileAlreadyExistsException ex) {
			return;
		}
		logger.info("Created heap dump directory " + directory);
	}

	private void checkOwner(Path real) throws IOException {
		UserPrincipal owner = Files.getOwner(real);
		UserPrincipal self = currentUser(real);
		if (self != null && !self.equals(owner)) {
			throw unusable("it belongs to '" + owner.getName() + "', not to '" + self.getName()
					+ "' who runs this JVM, so another user could read or replace the dumps");
		}
		PosixFileAttributeView posix = Files.getFileAttributeView(real, PosixFileAttributeView.class);
		if (posix != null && !this.warnedAboutPermissions) {
			Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
			if (!OWNER_ONLY_DIRECTORY.containsAll(permissions)) {
				this.warnedAboutPermissions = true;
				logger.warn("Heap dump directory " + real + " is accessible to other users ("
						+ PosixFilePermissions.toString(permissions) + "); the dumps themselves are owner-only, but "
						+ "consider chmod 700");
			}
		}
	}

	private static @Nullable UserPrincipal currentUser(Path on) {
		try {
			return on.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Containers often run under a UID without a name; then only the permissions
			// we set ourselves protect the dumps.
			return null;
		}
	}

	private static FileAttribute<?>[] ownerOnly(@Nullable Path onFileSystemOf, Set<PosixFilePermission> permissions) {
		Path probe = (onFileSystemOf != null) ? onFileSystemOf : Path.of("");
		if (probe.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) };
		}
		return new FileAttribute<?>[0];
	}

	/**
	 * gzip at its fastest level: compressing runs on a request thread of the host, and a
	 * dump shrinks well even at level 1.
	 */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 1 << 16);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

	/**
	 * Says in words what went wrong: the file system exceptions of NIO carry only a path
	 * as their message.
	 * @param ex the exception
	 * @return a phrase such as {@code permission denied for /srv/dumps}
	 */
	static String describe(IOException ex) {
		if (ex instanceof FileSystemException failed && failed.getFile() != null) {
			String file = failed.getFile();
			if (failed instanceof AccessDeniedException) {
				return "permission denied for " + file;
			}
			if (failed instanceof NoSuchFileException) {
				return file + " does not exist";
			}
			if (failed instanceof NotDirectoryException) {
				return file + " is not a directory";
			}
			if (failed instanceof FileAlreadyExistsException) {
				return file + " already exists and is not a directory";
			}
			return (failed.getReason() != null) ? failed.getReason() + " (" + file + ")"
					: failed.getClass().getSimpleName() + " for " + file;
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * A dump being written: the temporary file, and the name it gets when complete.
	 *
	 * @param file the temporary file, inside the directory
	 * @param name the name it gets when complete
	 */
	record Pending(Path file, String name) {

	}

	private HeapDumpException unusable(String why) {
		return new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, "Heap dump directory " + this.directory
				+ " cannot be used: " + why + ". Point leaks.heap-dump.directory at a writable directory owned by the "
				+ "user that runs this JVM");
	}

}
