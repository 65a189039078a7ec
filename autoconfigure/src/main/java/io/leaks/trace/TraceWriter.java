package io.leaks.trace;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;

/**
 * Writes a trace ({@link TraceFormat}) as things happen. Safe to call from several threads
 * (GC notifications arrive on the JVM's notification thread, the rest on the watch's). The
 * compressor is flushed at most once a second and on every {@link #tick}, so a process that
 * dies loses at most the last second. Past its size limit the writer ends the trace with a
 * last record that says so and ignores everything after: a trace never fills a disk.
 */
public final class TraceWriter implements Closeable {

	private static final long FLUSH_EVERY_MILLIS = 1000;

	private final CountingStream counted;

	private final Writer out;

	private final long maxBytes;

	private final Map<String, Integer> pools = new HashMap<>();

	private final StringBuilder line = new StringBuilder(256);

	private long lastFlushNanos = System.nanoTime();

	private boolean ended;

	private boolean closed;

	/**
	 * Starts a trace.
	 * @param stream where to write; closed by {@link #close}
	 * @param maxBytes compressed bytes after which the trace ends
	 * @throws IOException if the header cannot be written
	 */
	public TraceWriter(OutputStream stream, long maxBytes) throws IOException {
		this.counted = new CountingStream(stream);
		this.out = new OutputStreamWriter(new GZIPOutputStream(this.counted, 8192, true), StandardCharsets.UTF_8);
		this.maxBytes = maxBytes;
		begin().append(TraceFormat.MAGIC).append('\t').append(TraceFormat.VERSION);
		write();
		begin().append("columns\tsample");
		for (String column : TraceFormat.SAMPLE_COLUMNS) {
			this.line.append('\t').append(column);
		}
		write();
	}

	public synchronized void meta(String key, String value) {
		if (this.ended) {
			return;
		}
		begin().append("meta\t").append(TraceFormat.field(key)).append('\t').append(TraceFormat.field(value));
		write();
	}

	public synchronized void collection(GcNotification notification) {
		if (this.ended) {
			return;
		}
		for (GcNotification.PoolUsage pool : notification.pools()) {
			if (!this.pools.containsKey(pool.pool())) {
				int index = this.pools.size();
				this.pools.put(pool.pool(), index);
				begin().append("pool\t").append(index).append('\t').append(TraceFormat.field(pool.pool())).append('\t')
					.append(pool.max());
				write();
			}
		}
		begin().append("gc\t").append(notification.endMillis()).append('\t').append(notification.startMillis())
			.append('\t').append(notification.durationMillis()).append('\t')
			.append(TraceFormat.field(notification.collector())).append('\t')
			.append(TraceFormat.field(notification.action())).append('\t')
			.append(TraceFormat.field(notification.cause()));
		for (GcNotification.PoolUsage pool : notification.pools()) {
			this.line.append('\t').append(this.pools.get(pool.pool())).append(':').append(pool.usedBefore())
				.append(':').append(pool.committedBefore()).append(':').append(pool.usedAfter()).append(':')
				.append(pool.committedAfter());
		}
		write();
	}

	public synchronized void sample(MemorySample sample) {
		if (this.ended) {
			return;
		}
		begin().append("sample\t").append(sample.atMillis()).append('\t').append(sample.heapUsed()).append('\t')
			.append(sample.heapCommitted()).append('\t').append(sample.heapMax()).append('\t')
			.append(sample.metaspaceUsed()).append('\t').append(sample.metaspaceMax()).append('\t')
			.append(sample.loadedClasses()).append('\t').append(sample.liveThreads()).append('\t')
			.append(sample.directBytes()).append('\t').append(sample.mappedBytes()).append('\t')
			.append(sample.residentBytes());
		write();
	}

	/**
	 * Records a histogram with its largest classes ({@link TraceFormat#HISTOGRAM_CLASSES}
	 * at most, none with fewer than {@link TraceFormat#HISTOGRAM_MIN_INSTANCES} instances)
	 * and the totals of all.
	 */
	public synchronized void histogram(long atMillis, String purpose, boolean live, ClassHistogram histogram,
			long durationMillis) {
		if (this.ended) {
			return;
		}
		begin().append("histo\t").append(atMillis).append('\t').append(TraceFormat.field(purpose)).append('\t')
			.append(live).append('\t').append(histogram.totalInstances()).append('\t')
			.append(histogram.totalBytes()).append('\t').append(histogram.classCount()).append('\t')
			.append(durationMillis);
		int kept = 0;
		for (int i = 0; i < histogram.classCount() && kept < TraceFormat.HISTOGRAM_CLASSES; i++) {
			HistogramEntry entry = histogram.entry(i);
			if (entry.instances() < TraceFormat.HISTOGRAM_MIN_INSTANCES) {
				continue;
			}
			String module = entry.module();
			this.line.append('\t').append(TraceFormat.field(entry.className())).append('\t')
				.append((module != null) ? TraceFormat.field(module) : "").append('\t').append(entry.instances())
				.append('\t').append(entry.bytes());
			kept++;
		}
		write();
	}

	/**
	 * Records the end of a judgement, and flushes.
	 * @param atMillis when it ended
	 */
	public synchronized void tick(long atMillis) {
		if (this.ended) {
			return;
		}
		begin().append("tick\t").append(atMillis);
		write();
		flush();
	}

	public synchronized void verdict(long atMillis, String resource, String status, boolean leak, String basis,
			double growthPerMinute, String reason) {
		if (this.ended) {
			return;
		}
		begin().append("verdict\t").append(atMillis).append('\t').append(TraceFormat.field(resource)).append('\t')
			.append(TraceFormat.field(status)).append('\t').append(leak).append('\t')
			.append(TraceFormat.field(basis)).append('\t')
			.append(String.format(Locale.ROOT, "%.1f", growthPerMinute)).append('\t')
			.append(TraceFormat.field(reason));
		write();
	}

	public synchronized void event(long atMillis, String type, String resource, List<String> suspects) {
		if (this.ended) {
			return;
		}
		begin().append("event\t").append(atMillis).append('\t').append(TraceFormat.field(type)).append('\t')
			.append(TraceFormat.field(resource)).append('\t').append(TraceFormat.field(String.join(",", suspects)));
		write();
		flush();
	}

	public synchronized void mark(long atMillis, String text) {
		if (this.ended) {
			return;
		}
		begin().append("mark\t").append(atMillis).append('\t').append(TraceFormat.field(text));
		write();
		flush();
	}

	/**
	 * Whether the trace has ended (closed, failed, or past its size limit).
	 * @return whether later records are ignored
	 */
	public synchronized boolean ended() {
		return this.ended;
	}

	/**
	 * Ends the trace with a last record and closes the file.
	 * @param atMillis when
	 * @param reason why it ends
	 */
	public synchronized void end(long atMillis, String reason) {
		if (this.ended) {
			return;
		}
		begin().append("end\t").append(atMillis).append('\t').append(TraceFormat.field(reason));
		write();
		finish();
	}

	@Override
	public synchronized void close() {
		finish();
	}

	private StringBuilder begin() {
		this.line.setLength(0);
		return this.line;
	}

	private void write() {
		try {
			this.out.append(this.line).append('\n');
			if (System.nanoTime() - this.lastFlushNanos > FLUSH_EVERY_MILLIS * 1_000_000L) {
				flush();
			}
			if (this.counted.count > this.maxBytes && !this.ended) {
				this.out.append("end\t-1\tthe trace reached its size limit of " + this.maxBytes + " bytes\n");
				finish();
			}
		}
		catch (IOException ex) {
			this.ended = true;
			closeQuietly();
		}
	}

	private void flush() {
		try {
			this.out.flush();
			this.lastFlushNanos = System.nanoTime();
		}
		catch (IOException ex) {
			this.ended = true;
			closeQuietly();
		}
	}

	private void finish() {
		this.ended = true;
		closeQuietly();
	}

	private void closeQuietly() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.out.close();
		}
		catch (IOException ex) {
			// Nothing more can be written; what was flushed stays readable.
		}
	}

	/**
	 * Counts the compressed bytes written.
	 */
	private static final class CountingStream extends FilterOutputStream {

		private long count;

		CountingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.count += len;
		}

	}

}
