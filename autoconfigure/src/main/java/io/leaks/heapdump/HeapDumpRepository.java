package io.leaks.heapdump;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The heap dumps in their directory, looked up by name. It only ever touches files whose
 * names {@link HeapDumpNames} generated, resolves every name inside the directory, never
 * follows symbolic links, and never shows a dump still being written. Writing dumps is
 * {@link PendingDumps}'s job, the directory's own checks {@link DumpDirectory}'s.
 */
public final class HeapDumpRepository {

	private final DumpDirectory directory;

	private final PendingDumps pending;

	public HeapDumpRepository(Path directory) {
		this.directory = new DumpDirectory(directory);
		this.pending = new PendingDumps(this);
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
		return this.directory.path();
	}

	DumpDirectory dumpDirectory() {
		return this.directory;
	}

	PendingDumps pending() {
		return this.pending;
	}

	/**
	 * Every dump in the directory. Files with other names, directories and symbolic links
	 * are ignored: they are not ours.
	 * @return the dumps, oldest first; none while the directory does not exist
	 */
	public List<HeapDump> list() {
		Path base = this.directory.base();
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		List<HeapDump> dumps = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
			for (Path entry : entries) {
				read(entry).ifPresent(dumps::add);
			}
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE,
					"Cannot list heap dump directory " + base + ": " + FileProblems.describe(ex), ex);
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
		Path file = this.directory.resolve(name);
		if (Files.isSymbolicLink(file)) {
			throw new HeapDumpException(HeapDumpException.Reason.INVALID_NAME, "'" + name
					+ "' is a symbolic link, not a heap dump written by leaks; links are never followed");
		}
		return read(file).orElseThrow(() -> new HeapDumpException(HeapDumpException.Reason.NOT_FOUND,
				"No heap dump named '" + name + "' in " + this.directory.base()
						+ "; GET /actuator/leaks/heapdumps lists them"));
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
					"Could not delete heap dump '" + name + "': " + FileProblems.describe(ex), ex);
		}
		return dump;
	}

	/**
	 * Removes the temporary files of dumps whose process, on this host, stopped while
	 * writing them (a crash, a kill). Files of processes that still run, of other hosts
	 * sharing the directory, and every file not named like ours, are left alone.
	 * @return how many were removed
	 */
	public int removeStalePartials() {
		return this.pending.removeStale();
	}

	/**
	 * Reads a file of the directory as a dump.
	 * @param file a file of the directory
	 * @return the dump, or empty if the file is not a finished dump of ours (or is gone)
	 */
	Optional<HeapDump> read(Path file) {
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

}
