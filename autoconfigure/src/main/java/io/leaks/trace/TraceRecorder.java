package io.leaks.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.trend.GcNotification;
import io.leaks.trend.LeakClearedEvent;
import io.leaks.trend.LeakSuspectedEvent;
import io.leaks.trend.MemorySample;
import io.leaks.trend.SnapshotLiveHistograms;
import io.leaks.trend.Suspect;
import io.leaks.trend.TrendReport;
import io.leaks.trend.Verdict;
import io.leaks.trend.WatchObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Records what the trend analysis sees into a trace file ({@code leaks.trend.record-to}):
 * every collection from the GC notification recorder, every sample, histogram, judgement
 * and event from the watch, and the live snapshots users take. Recording costs a line of
 * text per collection and per judgement; the file ends at its size limit.
 */
public final class TraceRecorder implements WatchObserver, Consumer<GcNotification>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(TraceRecorder.class);

	private final TraceWriter writer;

	private final LongSupplier uptime;

	private final Path file;

	private final Map<String, String> lastVerdicts = new HashMap<>();

	private TraceRecorder(TraceWriter writer, LongSupplier uptime, Path file) {
		this.writer = writer;
		this.uptime = uptime;
		this.file = file;
	}

	/**
	 * Starts recording into a new file, or a new file in a directory.
	 * @param target a file to create, or an existing directory to create a file in
	 * (named after the application, the time and the process)
	 * @param application the application's name, for a file name
	 * @param maxBytes compressed bytes after which the recording ends
	 * @param meta facts about the JVM and the run to write first
	 * @param uptime milliseconds since the JVM started
	 * @return the recorder
	 * @throws IOException if the file exists or cannot be created
	 */
	public static TraceRecorder start(Path target, String application, long maxBytes, Map<String, String> meta,
			LongSupplier uptime) throws IOException {
		Path file = target;
		if (Files.isDirectory(target)) {
			String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
				.format(LocalDateTime.now(ZoneOffset.UTC));
			String safe = application.replaceAll("[^A-Za-z0-9._-]", "_");
			file = target.resolve(safe + "-" + stamp + "-" + ProcessHandle.current().pid() + ".trace.gz");
		}
		return create(file, maxBytes, meta, uptime);
	}

	/**
	 * Starts recording into a new file.
	 * @param file the file to create; it must not exist (a trace is never overwritten)
	 * @param maxBytes compressed bytes after which the recording ends
	 * @param meta facts about the JVM and the run to write first
	 * @param uptime milliseconds since the JVM started
	 * @return the recorder
	 * @throws IOException if the file exists or cannot be created
	 */
	public static TraceRecorder create(Path file, long maxBytes, Map<String, String> meta, LongSupplier uptime)
			throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		TraceWriter writer = new TraceWriter(out, maxBytes);
		meta.forEach(writer::meta);
		logger.info("leaks: recording what the trend analysis sees to " + file);
		return new TraceRecorder(writer, uptime, file);
	}

	public Path file() {
		return this.file;
	}

	@Override
	public void accept(GcNotification notification) {
		this.writer.collection(notification);
	}

	@Override
	public void sampled(MemorySample sample) {
		this.writer.sample(sample);
	}

	@Override
	public void histogramTaken(long atMillis, String purpose, ClassHistogram histogram, long durationMillis) {
		this.writer.histogram(atMillis, purpose, true, histogram, durationMillis);
	}

	/**
	 * Records a snapshot a user took.
	 * @param snapshot the snapshot
	 */
	public void snapshotTaken(HistogramSnapshot snapshot) {
		if (SnapshotLiveHistograms.LABEL.equals(snapshot.label())) {
			// The watch's own: recorded with their purpose through histogramTaken.
			return;
		}
		this.writer.histogram(this.uptime.getAsLong(), "snapshot", snapshot.liveOnly(), snapshot.histogram(),
				snapshot.duration().toMillis());
	}

	@Override
	public void judged(long atMillis, TrendReport report) {
		for (TrendReport.ResourceState resource : report.resources()) {
			Verdict verdict = resource.verdict();
			String key = verdict.status() + "\t" + resource.leak() + "\t" + verdict.evidence().basis() + "\t"
					+ verdict.suspicion();
			if (!key.equals(this.lastVerdicts.put(resource.resource(), key))) {
				this.writer.verdict(atMillis, resource.resource(), verdict.status().name(), resource.leak(),
						verdict.evidence().basis().name() + (verdict.suspicion() ? "+SUSPICION" : ""),
						verdict.growthPerMinute(), verdict.reason());
			}
		}
		this.writer.tick(atMillis);
	}

	@Override
	public void published(long atMillis, Object event) {
		if (event instanceof LeakSuspectedEvent suspected) {
			this.writer.event(atMillis, "LeakSuspected", suspected.getResource(),
					suspected.getSuspects().stream().map(Suspect::className).toList());
		}
		else if (event instanceof LeakClearedEvent cleared) {
			this.writer.event(atMillis, "LeakCleared", cleared.getResource(), List.of());
		}
	}

	/**
	 * Adds an annotation, such as a workload's phase.
	 * @param text what happened
	 */
	public void mark(String text) {
		this.writer.mark(this.uptime.getAsLong(), text);
	}

	@Override
	public void close() {
		this.writer.end(this.uptime.getAsLong(), "closed");
	}

}
