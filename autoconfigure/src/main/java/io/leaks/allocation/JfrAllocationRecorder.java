package io.leaks.allocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Records with JFR in this JVM. Allocation samples arrive in a {@link RecordingStream} and
 * are handed over one by one as they come. Old-object samples (with their paths to GC
 * roots) are only written when a recording is dumped, so the end of a recording dumps it
 * into a private temporary directory, reads them back with {@link RecordingFile} and
 * deletes the file. Only the two events are enabled, so the recording costs what sampling
 * them costs.
 */
public final class JfrAllocationRecorder implements AllocationRecorder {

	/** The stream delivers what JFR flushed, about once a second. */
	private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

	/** Disk the running recording may use in JFR's repository; samples are read as they come. */
	private static final long MAX_REPOSITORY_BYTES = 64L * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(JfrAllocationRecorder.class);

	@Override
	public @Nullable String unavailableReason() {
		try {
			if (!FlightRecorder.isAvailable()) {
				return "JFR (Java Flight Recorder) is not available in this JVM ("
						+ System.getProperty("java.vm.name") + "), so allocations cannot be sampled";
			}
			return null;
		}
		catch (LinkageError ex) {
			return "JFR (Java Flight Recorder) cannot be used in this JVM (" + ex.getMessage() + ")";
		}
	}

	@Override
	public Session start(Plan plan, Consumer<AllocationSample> allocations) {
		Path directory = privateDirectory();
		RecordingStream stream = new RecordingStream();
		try {
			stream.setMaxSize(MAX_REPOSITORY_BYTES);
			stream.enable(JfrEvents.ALLOCATION_SAMPLE)
				.withStackTrace()
				.with("throttle", plan.samplesPerSecond() + "/s");
			if (plan.oldObjects()) {
				stream.enable(JfrEvents.OLD_OBJECT_SAMPLE)
					.with("stackTrace", String.valueOf(plan.oldObjectStackTraces()))
					.with("cutoff", plan.pathCutoff().isZero() ? "0 ns" : plan.pathCutoff().toMillis() + " ms");
			}
			stream.onEvent(JfrEvents.ALLOCATION_SAMPLE, (event) -> allocations.accept(JfrEvents.allocation(event)));
			JfrSession session = new JfrSession(stream, directory, plan.oldObjects());
			stream.onFlush(session::flushed);
			stream.startAsync();
			return session;
		}
		catch (RuntimeException ex) {
			stream.close();
			deleteQuietly(directory, null);
			throw ex;
		}
	}

	private static Path privateDirectory() {
		try {
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				return Files.createTempDirectory("leaks-allocations-",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			return Files.createTempDirectory("leaks-allocations-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for the recording", ex);
		}
	}

	private static void deleteQuietly(Path directory, @Nullable Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			logger.warn("Could not delete the recording's temporary files in " + directory, ex);
		}
	}

	private static final class JfrSession implements Session {

		private final RecordingStream stream;

		private final Path directory;

		private final boolean oldObjects;

		private final AtomicLong flushes = new AtomicLong();

		JfrSession(RecordingStream stream, Path directory, boolean oldObjects) {
			this.stream = stream;
			this.directory = directory;
			this.oldObjects = oldObjects;
		}

		void flushed() {
			synchronized (this.flushes) {
				this.flushes.incrementAndGet();
				this.flushes.notifyAll();
			}
		}

		@Override
		public void finish(@Nullable Consumer<RetainedObject> retained) {
			Path dump = this.directory.resolve("recording.jfr");
			try {
				long flushed = this.flushes.get();
				if (retained != null && this.oldObjects) {
					// Dumping makes JFR search the paths and write the old-object samples.
					this.stream.dump(dump);
				}
				if (this.oldObjects) {
					// Stopping a recording with the event enabled would search the paths again,
					// pausing the application a second time for samples nobody reads.
					this.stream.disable(JfrEvents.OLD_OBJECT_SAMPLE);
				}
				// The stream delivers what was flushed; two more flushes cover the last samples.
				awaitFlushes(flushed + 2);
				this.stream.close();
				if (retained != null && Files.exists(dump)) {
					read(dump, retained);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not dump or read the recording", ex);
			}
			finally {
				this.stream.close();
				deleteQuietly(this.directory, dump);
			}
		}

		private void awaitFlushes(long count) {
			long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
			synchronized (this.flushes) {
				while (this.flushes.get() < count) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return;
					}
					try {
						TimeUnit.NANOSECONDS.timedWait(this.flushes, left);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}

		private static void read(Path dump, Consumer<RetainedObject> retained) throws IOException {
			try (RecordingFile file = new RecordingFile(dump)) {
				while (file.hasMoreEvents()) {
					RecordedEvent event = file.readEvent();
					if (JfrEvents.OLD_OBJECT_SAMPLE.equals(event.getEventType().getName())) {
						retained.accept(JfrEvents.retained(event));
					}
				}
			}
		}

		@Override
		public void abort() {
			if (this.oldObjects) {
				this.stream.disable(JfrEvents.OLD_OBJECT_SAMPLE);
			}
			this.stream.close();
			deleteQuietly(this.directory, this.directory.resolve("recording.jfr"));
		}

	}

}
