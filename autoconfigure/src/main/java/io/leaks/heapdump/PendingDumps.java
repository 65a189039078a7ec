package io.leaks.heapdump;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Publication of dumps: a dump is written under a temporary name that names its writer
 * (process id, host and start time), so it is never listed or served half-written and no
 * two processes, on one host or on replicas sharing a volume, write the same file; a
 * complete dump then claims its name atomically with a hard link, so a name taken by
 * another process is never replaced. Temporary files left by a process that stopped are
 * reaped, but only this host's: whether a process of another host still runs cannot be
 * known from here, so its files may be a dump in progress.
 */
final class PendingDumps {

	private static final Log logger = LogFactory.getLog(PendingDumps.class);

	private static final int ATTEMPTS = 1000;

	private final HeapDumpRepository repository;

	private final DumpDirectory directory;

	private final DumpWriter writer = DumpWriter.current();

	PendingDumps(HeapDumpRepository repository) {
		this.repository = repository;
		this.directory = repository.dumpDirectory();
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
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String name = HeapDumpNames.generate(createdAt.plusMillis(attempt), automatic, live, label);
			String compressed = HeapDumpNames.compressedName(name);
			Pending pending = new Pending(partialFile(name), name);
			if (!exists(this.directory.resolve(name)) && !exists(this.directory.resolve(compressed))
					&& !exists(pending.file()) && !exists(partialFile(compressed))) {
				return pending;
			}
		}
		throw new HeapDumpException(HeapDumpException.Reason.FAILED, "Every name for a dump at " + createdAt
				+ " is taken in " + this.directory.base() + "; retry in a moment");
	}

	/**
	 * The temporary file of a dump's other form, such as its compressed copy.
	 * @param name the name the other form gets when complete
	 * @return the dump to write
	 */
	Pending sibling(String name) {
		return new Pending(partialFile(name), name);
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
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Path target = this.directory.resolve(name);
			if (claim(pending.file(), target)) {
				return this.repository.read(target).orElseThrow(() -> new HeapDumpException(
						HeapDumpException.Reason.FAILED, "The JVM reported success but wrote no heap dump at " + target));
			}
			name = HeapDumpNames.next(name);
		}
		throw new FileAlreadyExistsException(pending.file().toString(), null,
				"every name from " + pending.name() + " on is taken");
	}

	/**
	 * Removes the temporary file of a dump that failed. Its name carries this process's
	 * id, host and start time and was free when the dump started, so whatever is there was
	 * written by this process.
	 * @param pending the failed dump
	 */
	void discard(Pending pending) {
		deleteQuietly(pending.file());
	}

	/**
	 * Removes the temporary files of dumps whose process, on this host, stopped while
	 * writing them.
	 * @return how many were removed
	 */
	int removeStale() {
		Path base = this.directory.base();
		if (!Files.isDirectory(base)) {
			return 0;
		}
		int removed = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
			for (Path entry : entries) {
				Optional<HeapDumpNames.Partial> partial = HeapDumpNames.parsePartial(entry.getFileName().toString());
				if (partial.isPresent() && isStale(partial.get().writer())
						&& Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
					Files.deleteIfExists(entry);
					removed++;
					logger.info("Removed " + entry + ", an incomplete heap dump left by process "
							+ partial.get().writer().pid() + " of this host, which no longer runs");
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Could not remove incomplete heap dumps from " + base + ": " + FileProblems.describe(ex));
		}
		return removed;
	}

	private boolean isStale(DumpWriter other) {
		return other.isOnThisHost() && !other.equals(this.writer) && !other.isRunning();
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
		return this.directory.resolve(name).resolveSibling(HeapDumpNames.partialName(this.writer, name));
	}

	private static boolean exists(Path file) {
		return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Deletes a file if it exists, never following a link; failures are logged.
	 * @param file the file
	 */
	static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete " + file + ": " + FileProblems.describe(ex));
		}
	}

	/**
	 * A dump being written: the temporary file, and the name it gets when complete.
	 *
	 * @param file the temporary file, inside the directory
	 * @param name the name it gets when complete
	 */
	record Pending(Path file, String name) {

	}

}
