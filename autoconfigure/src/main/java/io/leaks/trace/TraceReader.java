package io.leaks.trace;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.leaks.histogram.HistogramEntry;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trace ({@link TraceFormat}). A trace whose writer died mid-way ends in a
 * truncated compressed stream: everything before the break is read and the trace has no
 * {@code end}.
 */
public final class TraceReader {

	private final Map<String, String> meta = new LinkedHashMap<>();

	private final List<GcNotification> collections = new ArrayList<>();

	private final List<MemorySample> samples = new ArrayList<>();

	private final List<Trace.Histogram> histograms = new ArrayList<>();

	private final List<Long> ticks = new ArrayList<>();

	private final List<Integer> seenAtTicks = new ArrayList<>();

	/** Collections read before the last memory sample, or -1 before one since the last tick. */
	private int seenAtSample = -1;

	/** Whether every judgement so far had its memory sample recorded before it. */
	private boolean arrivalsKnown = true;

	private final List<Trace.Verdict> verdicts = new ArrayList<>();

	private final List<Trace.Event> events = new ArrayList<>();

	private final List<Trace.Mark> marks = new ArrayList<>();

	private final Map<Integer, String> pools = new HashMap<>();

	private final Map<Integer, Long> poolMax = new HashMap<>();

	private Map<String, Integer> sampleColumns = Map.of();

	private int version;

	private @Nullable String end;

	private boolean cut;

	private TraceReader() {
	}

	/**
	 * Reads a trace file.
	 * @param file the file
	 * @return the trace
	 * @throws IOException if the file cannot be read or is not a trace
	 */
	public static Trace read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
	}

	/**
	 * Reads a trace.
	 * @param compressed the trace as written
	 * @return the trace
	 * @throws IOException if it cannot be read or is not a trace
	 */
	public static Trace read(InputStream compressed) throws IOException {
		TraceReader reader = new TraceReader();
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(reader.new UntilBreak(new GZIPInputStream(compressed, 65536)), StandardCharsets.UTF_8));
		String first = lines.readLine();
		if (first == null || !first.startsWith(TraceFormat.MAGIC + "\t")) {
			throw new IOException("not a leaks trace (it must start with '" + TraceFormat.MAGIC + "')");
		}
		reader.version = Integer.parseInt(first.substring(TraceFormat.MAGIC.length() + 1).trim());
		String previous = null;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			if (previous != null) {
				reader.parse(previous);
			}
			previous = line;
		}
		if (previous != null && !(reader.cut && !previous.isEmpty())) {
			reader.parse(previous);
		}
		return new Trace(reader.version, reader.meta, reader.collections, reader.samples, reader.histograms,
				reader.ticks, reader.arrivalsKnown ? reader.seenAtTicks : List.of(), reader.verdicts, reader.events,
				reader.marks, reader.end);
	}

	/**
	 * A judgement ended: the watch sampled memory, then judged the heap on the collections
	 * recorded by then, so those written before its sample are the ones it saw.
	 */
	private void tick(long atMillis) {
		this.ticks.add(atMillis);
		this.arrivalsKnown &= this.seenAtSample >= 0;
		this.seenAtTicks.add(this.seenAtSample);
		this.seenAtSample = -1;
	}

	private void parse(String line) throws IOException {
		String[] fields = line.split("\t", -1);
		try {
			switch (fields[0]) {
				case "meta" -> this.meta.put(fields[1], fields[2]);
				case "columns" -> columns(fields);
				case "pool" -> pool(fields);
				case "gc" -> this.collections.add(collection(fields));
				case "sample" -> {
					this.samples.add(sample(fields));
					this.seenAtSample = this.collections.size();
				}
				case "histo" -> this.histograms.add(histogram(fields));
				case "tick" -> tick(Long.parseLong(fields[1]));
				case "verdict" -> this.verdicts.add(new Trace.Verdict(Long.parseLong(fields[1]), fields[2], fields[3],
						Boolean.parseBoolean(fields[4]), fields[5], Double.parseDouble(fields[6]), fields[7]));
				case "event" -> this.events.add(new Trace.Event(Long.parseLong(fields[1]), fields[2], fields[3],
						fields[4].isEmpty() ? List.of() : Arrays.asList(fields[4].split(","))));
				case "mark" -> this.marks.add(new Trace.Mark(Long.parseLong(fields[1]), fields[2]));
				case "end" -> this.end = fields[2];
				default -> {
					// A record type of a later version.
				}
			}
		}
		catch (RuntimeException ex) {
			throw new IOException("malformed trace record: " + abbreviated(line), ex);
		}
	}

	private void columns(String[] fields) {
		if (!"sample".equals(fields[1])) {
			return;
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 2; i < fields.length; i++) {
			columns.put(fields[i], i - 1);
		}
		this.sampleColumns = columns;
	}

	private void pool(String[] fields) {
		int index = Integer.parseInt(fields[1]);
		this.pools.put(index, fields[2]);
		this.poolMax.put(index, Long.parseLong(fields[3]));
	}

	private GcNotification collection(String[] fields) {
		List<GcNotification.PoolUsage> usages = new ArrayList<>();
		for (int i = 7; i < fields.length; i++) {
			String[] usage = fields[i].split(":");
			int index = Integer.parseInt(usage[0]);
			usages.add(new GcNotification.PoolUsage(this.pools.get(index), Long.parseLong(usage[1]),
					Long.parseLong(usage[2]), Long.parseLong(usage[3]), Long.parseLong(usage[4]),
					this.poolMax.getOrDefault(index, -1L)));
		}
		return new GcNotification(fields[4], fields[5], fields[6], Long.parseLong(fields[2]),
				Long.parseLong(fields[1]), Long.parseLong(fields[3]), usages);
	}

	private MemorySample sample(String[] fields) {
		return new MemorySample(column(fields, "at"), column(fields, "heapUsed"), column(fields, "heapCommitted"),
				column(fields, "heapMax"), column(fields, "metaspaceUsed"), column(fields, "metaspaceMax"),
				column(fields, "loadedClasses"), column(fields, "liveThreads"), column(fields, "directBytes"),
				column(fields, "mappedBytes"), column(fields, "residentBytes"));
	}

	private long column(String[] fields, String name) {
		Integer index = this.sampleColumns.get(name);
		return (index != null && index < fields.length) ? Long.parseLong(fields[index]) : -1;
	}

	private Trace.Histogram histogram(String[] fields) {
		List<HistogramEntry> classes = new ArrayList<>();
		for (int i = 8; i + 3 < fields.length; i += 4) {
			classes.add(new HistogramEntry(fields[i], fields[i + 1].isEmpty() ? null : fields[i + 1],
					Long.parseLong(fields[i + 2]), Long.parseLong(fields[i + 3])));
		}
		return new Trace.Histogram(Long.parseLong(fields[1]), fields[2], Boolean.parseBoolean(fields[3]),
				Long.parseLong(fields[4]), Long.parseLong(fields[5]), Integer.parseInt(fields[6]),
				Long.parseLong(fields[7]), classes);
	}

	/**
	 * Ends the stream where a writer that died left it: a compressed stream without its
	 * trailer reads as far as it was flushed. The last line may then be cut short, so it
	 * is dropped.
	 */
	private final class UntilBreak extends FilterInputStream {

		UntilBreak(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (EOFException | ZipException ex) {
				TraceReader.this.cut = true;
				return -1;
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (EOFException | ZipException ex) {
				TraceReader.this.cut = true;
				return -1;
			}
		}

	}

	private static String abbreviated(String line) {
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

}
