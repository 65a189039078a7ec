package io.leaks.heapdump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.ForcedCollections;
import io.leaks.unit.ByteSize;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Takes heap dumps into the {@link HeapDumpRepository}, one at a time: a second request
 * while one is written is refused at once (a dump pauses the JVM; queueing them would
 * only stack pauses). Writing a dump stops the JVM to walk the heap (a live dump runs a
 * full collection first), so it also goes through the shared {@link CollectionGuard}: it
 * never runs while an explicit GC or a class histogram does. Before dumping it checks
 * the disk has room for roughly the heap in use plus a safety margin; a dump that fails
 * midway leaves no partial file (and a full disk is said to be one, with the space left);
 * afterwards the oldest dumps beyond the retention limits are deleted, never the one just
 * written. A directory in memory (tmpfs, ramfs) is refused for automatic dumps: a leak
 * is when the JVM needs its RAM most, and a dump there would bring the OOM kill sooner.
 */
public final class HeapDumps {

	private static final Log logger = LogFactory.getLog(HeapDumps.class);

	private static final long HPROF_OVERHEAD_PERCENT = 15;

	private final HeapDumper dumper;

	private final HeapDumpRepository repository;

	private final PendingDumps pending;

	private final DumpCompression compression;

	private final Settings settings;

	private final CollectionGuard guard;

	private final Clock clock;

	private final LongSupplier heapInUse;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicReference<@Nullable Instant> runningSince = new AtomicReference<>();

	public HeapDumps(HeapDumper dumper, HeapDumpRepository repository, Settings settings, CollectionGuard guard) {
		this(dumper, repository, settings, guard, Clock.systemUTC(),
				() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
	}

	public HeapDumps(HeapDumper dumper, HeapDumpRepository repository, Settings settings, CollectionGuard guard,
			Clock clock, LongSupplier heapInUse) {
		this.dumper = dumper;
		this.repository = repository;
		this.pending = repository.pending();
		this.compression = new DumpCompression(this.pending);
		this.settings = settings;
		this.guard = guard;
		this.clock = clock;
		this.heapInUse = heapInUse;
	}

	public boolean isAvailable() {
		return this.dumper.isAvailable();
	}

	public Settings settings() {
		return this.settings;
	}

	public HeapDumpRepository repository() {
		return this.repository;
	}

	/**
	 * Writes a heap dump.
	 * @param label a label for the file name, or {@code null}
	 * @param live whether to dump live objects only (forces a full collection first)
	 * @return the dump, how long it took and what retention deleted
	 * @throws HeapDumpException if the request is refused or the dump fails
	 */
	public Taken dump(@Nullable String label, boolean live) {
		return take(label, false, live);
	}

	/**
	 * Writes a live heap dump on the starter's own initiative, such as when a leak is
	 * suspected. Its name says so, and the retention it triggers deletes only older
	 * automatic dumps, never one taken on request (the limits may then stay exceeded, by
	 * this dump at most, which the warnings say).
	 * @param label a label for the file name
	 * @return the dump, how long it took and what retention deleted
	 * @throws HeapDumpException if the dump is refused or fails
	 */
	public Taken dumpAutomatically(String label) {
		return take(label, true, true);
	}

	private Taken take(@Nullable String label, boolean automatic, boolean live) {
		String problem = HeapDumpNames.labelProblem(label);
		if (problem != null) {
			throw new HeapDumpException(HeapDumpException.Reason.INVALID_LABEL, problem);
		}
		if (!this.lock.tryLock()) {
			Instant since = this.runningSince.get();
			throw new HeapDumpException(HeapDumpException.Reason.BUSY, "A heap dump is already being written"
					+ ((since != null) ? " (started " + since + ")" : "")
					+ "; one dump at a time, retry when it has finished");
		}
		try {
			this.runningSince.set(this.clock.instant());
			return write(label, automatic, live);
		}
		finally {
			this.runningSince.set(null);
			this.lock.unlock();
		}
	}

	/**
	 * Whether a dump is being written right now.
	 * @return whether {@link #dump(String, boolean)} would be refused as busy
	 */
	public boolean isBusy() {
		return this.lock.isLocked();
	}

	public List<HeapDump> list() {
		return this.repository.list();
	}

	public HeapDump get(String name) {
		return this.repository.get(name);
	}

	public HeapDump delete(String name) {
		HeapDump deleted = this.repository.delete(name);
		logger.info("Deleted heap dump " + deleted.name() + " (" + ByteSize.format(deleted.sizeBytes()) + ") on request");
		return deleted;
	}

	private Taken write(@Nullable String label, boolean automatic, boolean live) {
		if (!this.dumper.isAvailable()) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, "This JVM ("
					+ System.getProperty("java.vm.name") + ") cannot dump its heap from inside (no HotSpotDiagnostic "
					+ "MBean); use the JVM vendor's own tool");
		}
		DumpDirectory dumpDirectory = this.repository.dumpDirectory();
		Path directory = dumpDirectory.prepare();
		this.pending.removeStale();
		List<String> warnings = new ArrayList<>();
		if (dumpDirectory.isInMemory()) {
			inMemory(directory, automatic, warnings);
		}
		checkFreeSpace(directory);
		PendingDumps.Pending pending = this.pending.newDump(this.clock.instant(), automatic, live, label);
		long start = System.nanoTime();
		try {
			dumpHeap(pending.file(), live, automatic);
			DumpDirectory.restrictToOwner(pending.file());
		}
		catch (IOException | RuntimeException ex) {
			this.pending.discard(pending);
			throw failed(pending, ex, directory);
		}
		if (this.settings.compress()) {
			try {
				pending = this.compression.compress(pending);
			}
			catch (IOException ex) {
				logger.warn("Could not compress heap dump " + pending.name() + "; kept it uncompressed", ex);
				warnings.add("Compression failed (" + FileProblems.describe(ex) + "); the dump was kept uncompressed");
			}
		}
		HeapDump dump = publish(pending);
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		logger.info("Wrote heap dump " + dump.file() + " (" + ByteSize.format(dump.sizeBytes()) + ", "
				+ (live ? "live objects" : "all objects") + ") in " + duration.toMillis() + " ms");
		List<HeapDump> deleted = applyRetention(dump);
		String beyondLimits = beyondLimits(dump);
		if (beyondLimits != null) {
			logger.warn(beyondLimits);
			warnings.add(beyondLimits);
		}
		return new Taken(dump, duration, deleted.stream().map(HeapDump::name).toList(), List.copyOf(warnings));
	}

	private void inMemory(Path directory, boolean automatic, List<String> warnings) {
		String where = directory + " is in memory (tmpfs or ramfs): a dump there takes RAM until it is deleted";
		if (automatic) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, where + ", and a leak is when the JVM "
					+ "needs its RAM most, so no automatic dump is written there (it would bring an OOM kill "
					+ "sooner). Point leaks.heap-dump.directory at a disk");
		}
		String warning = where + "; point leaks.heap-dump.directory at a disk";
		logger.warn("Writing a heap dump on request although " + warning);
		warnings.add(warning);
	}

	private HeapDumpException failed(PendingDumps.Pending pending, Exception ex, Path directory) {
		if (ex instanceof HeapDumpException refused) {
			return refused;
		}
		if (ex instanceof IOException io && FileProblems.isOutOfSpace(io)) {
			String space = usableSpaceNow();
			logger.warn("Heap dump " + pending.name() + " ran out of disk space in " + directory + " (" + space
					+ "); partial file removed");
			return new HeapDumpException(HeapDumpException.Reason.INSUFFICIENT_SPACE, "The heap dump ran out of disk "
					+ "space in " + directory + " (" + FileProblems.describe(io) + "); the partial file was removed, "
					+ space + ". Free some space, delete old dumps or point leaks.heap-dump.directory at a larger "
					+ "disk", ex);
		}
		if (ex instanceof IOException io && FileProblems.isReadOnly(io)) {
			logger.warn("Heap dump " + pending.name() + " failed: " + directory + " became read-only");
			return new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, "The heap dump failed: the file system "
					+ "of " + directory + " is read-only (" + FileProblems.describe(io) + "). Remount it read-write or "
					+ "point leaks.heap-dump.directory at a writable directory", ex);
		}
		if (ex instanceof IOException) {
			logger.warn("Heap dump " + pending.name() + " failed (" + ex.getMessage() + "); partial file removed");
		}
		else {
			logger.warn("Heap dump " + pending.name() + " failed; partial file removed", ex);
		}
		return new HeapDumpException(HeapDumpException.Reason.FAILED,
				"The heap dump failed (" + ex.getMessage() + "); the partial file was removed", ex);
	}

	private String usableSpaceNow() {
		try {
			return ByteSize.format(this.repository.dumpDirectory().usableSpace()) + " usable now";
		}
		catch (IOException ex) {
			return "the free space cannot be read (" + FileProblems.describe(ex) + ")";
		}
	}

	private void dumpHeap(Path file, boolean live, boolean automatic) throws IOException {
		ForcedCollections.Reason forcedFor = !live ? null
				: automatic ? ForcedCollections.Reason.AUTOMATIC_DUMP : ForcedCollections.Reason.DUMP;
		try {
			this.guard.run(forcedFor, () -> {
				try {
					this.dumper.dumpHeap(file, live);
					return file;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (CollectionGuard.CollectionInProgressException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.BUSY, "A heap dump stops the JVM to walk the heap "
					+ "(a live one collects garbage first), and another heap operation (POST /actuator/leaks/gc or a "
					+ "snapshot) is in progress: they run one at a time so that their pauses never stack up. Retry "
					+ "when it has finished", ex);
		}
	}

	private HeapDump publish(PendingDumps.Pending pending) {
		try {
			return this.pending.publish(pending);
		}
		catch (IOException ex) {
			this.pending.discard(pending);
			throw new HeapDumpException(HeapDumpException.Reason.FAILED, "The heap dump was written but could not be "
					+ "given its name (" + FileProblems.describe(ex) + "); the file was removed", ex);
		}
	}

	private void checkFreeSpace(Path directory) {
		long inUse = Math.max(0, this.heapInUse.getAsLong());
		// An HPROF file is about 1.13 times the live heap it describes (docs/benchmarks.md).
		long expected = inUse + inUse / 100 * HPROF_OVERHEAD_PERCENT;
		if (this.settings.compress()) {
			// The compressed copy is written beside the original before the original goes.
			expected += expected / 2;
		}
		long margin = this.settings.freeSpaceMarginBytes();
		long usable;
		try {
			usable = this.repository.dumpDirectory().usableSpace();
		}
		catch (IOException ex) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, "Cannot read the free space of "
					+ directory + " (" + FileProblems.describe(ex) + "), so no dump was taken");
		}
		if (usable - expected < margin) {
			throw new HeapDumpException(HeapDumpException.Reason.INSUFFICIENT_SPACE, "Not enough free disk space for "
					+ "a heap dump in " + directory + ": about " + ByteSize.format(expected) + " expected (the heap in use plus "
					+ HPROF_OVERHEAD_PERCENT + "% for the file format) "
					+ "plus a safety margin of " + ByteSize.format(margin) + " (leaks.heap-dump.free-space-margin) must fit, "
					+ "but only " + ByteSize.format(usable) + " are usable. Free some space, delete old dumps, point leaks.heap-dump.directory "
					+ "at a larger disk or lower the margin. Nothing was written");
		}
	}

	private List<HeapDump> applyRetention(HeapDump written) {
		List<HeapDump> doomed = HeapDumpRetention.select(this.repository.list(), written.name(),
				this.settings.maxCount(), this.settings.maxTotalSizeBytes(), written.automatic());
		List<HeapDump> deleted = new ArrayList<>();
		for (HeapDump old : doomed) {
			try {
				this.repository.delete(old.name());
				deleted.add(old);
				logger.info("Deleted heap dump " + old.name() + " (" + ByteSize.format(old.sizeBytes())
						+ ") to keep at most " + this.settings.maxCount() + " dumps and "
						+ ByteSize.format(this.settings.maxTotalSizeBytes())
						+ " (leaks.heap-dump.max-count, leaks.heap-dump.max-total-size)");
			}
			catch (HeapDumpException ex) {
				logger.warn("Could not delete old heap dump " + old.name() + ": " + ex.getMessage());
			}
		}
		return deleted;
	}

	private @Nullable String beyondLimits(HeapDump written) {
		long maxTotal = this.settings.maxTotalSizeBytes();
		if (written.sizeBytes() > maxTotal) {
			return "This dump alone (" + ByteSize.format(written.sizeBytes()) + ") exceeds "
					+ "leaks.heap-dump.max-total-size (" + ByteSize.format(maxTotal) + "); it is kept, "
					+ (written.automatic() ? "and so are the dumps taken on request" : "every older dump was deleted");
		}
		if (!written.automatic()) {
			return null;
		}
		List<HeapDump> remaining = this.repository.list();
		long total = remaining.stream().mapToLong(HeapDump::sizeBytes).sum();
		if (remaining.size() <= this.settings.maxCount() && total <= maxTotal) {
			return null;
		}
		return "Dumps taken on request are never deleted to make room for an automatic one: the directory now holds "
				+ remaining.size() + " dumps (" + ByteSize.format(total) + "), beyond leaks.heap-dump.max-count ("
				+ this.settings.maxCount() + ") or leaks.heap-dump.max-total-size (" + ByteSize.format(maxTotal)
				+ "); delete "
				+ "the dumps you no longer need";
	}

	/**
	 * Limits and options of heap dumping.
	 *
	 * @param maxCount most dumps kept
	 * @param maxTotalSizeBytes most bytes kept
	 * @param compress whether to gzip each dump after writing it
	 * @param freeSpaceMarginBytes bytes that must stay free after the expected dump
	 * @param download whether dumps may be downloaded through the endpoint
	 */
	public record Settings(int maxCount, long maxTotalSizeBytes, boolean compress, long freeSpaceMarginBytes,
			boolean download) {

		public Settings {
			if (maxCount < 1) {
				throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
			}
			if (maxTotalSizeBytes < 0 || freeSpaceMarginBytes < 0) {
				throw new IllegalArgumentException("sizes must not be negative");
			}
		}

	}

	/**
	 * A dump just written.
	 *
	 * @param dump the dump
	 * @param duration how long writing (and compressing) took
	 * @param deleted names of older dumps retention deleted
	 * @param warnings anything the user should know
	 */
	public record Taken(HeapDump dump, Duration duration, List<String> deleted, List<String> warnings) {

	}

}
