package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trend.CollectionKind;
import io.leaks.trend.GcNotification;

/**
 * A directory of labelled traces: {@code labels.csv} with at least the columns
 * {@code file} and {@code label} ({@code leak}, {@code stable} or {@code warmup}), and
 * optionally {@code resource} (what leaks, {@code heap} by default), {@code onset_ms} and
 * {@code exhausted_ms} (also read as {@code exhaustion_ms}). Files are recorded traces
 * ({@code .trace.gz}) or GC logs reduced to CSV ({@code .csv}, converted by {@link CsvTraces}).
 */
public final class TraceLibrary {

	private TraceLibrary() {
	}

	/**
	 * Reads every trace the labels name, in their order.
	 * @param directory the directory
	 * @return the traces
	 * @throws IOException if a file cannot be read
	 */
	public static List<LabelledTrace> read(Path directory) throws IOException {
		List<String> lines = Files.readAllLines(directory.resolve("labels.csv"));
		List<String> header = split(lines.get(0));
		List<LabelledTrace> traces = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = split(line);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.size() && i < fields.size(); i++) {
				row.put(header.get(i).trim().toLowerCase(Locale.ROOT), fields.get(i).trim());
			}
			String file = row.get("file");
			Path path = directory.resolve(file);
			Trace trace = file.endsWith(".csv") ? CsvTraces.read(path, String.join(" ", fields))
					: TraceReader.read(path);
			traces.add(new LabelledTrace(file, row.get("label"), resource(row),
					millis(row, "onset_ms", onset(trace)), millis(row, "exhausted_ms",
					millis(row, "exhaustion_ms", exhaustion(trace))), trace));
		}
		return traces;
	}

	/**
	 * What leaks: the {@code resource} column, else what the workload library's scenario
	 * leaks (its class-loader and thread leaks are outside the heap), else the heap.
	 */
	private static String resource(Map<String, String> row) {
		String resource = row.get("resource");
		if (resource != null && !resource.isBlank()) {
			return resource;
		}
		return switch (row.getOrDefault("scenario", "")) {
			case "classloader-leak" -> "metaspace";
			case "thread-leak" -> "threads";
			default -> "heap";
		};
	}

	private static long millis(Map<String, String> row, String column, long fallback) {
		String value = row.get(column);
		if (value == null || value.isEmpty() || value.equals("-")) {
			return fallback;
		}
		return Math.round(Double.parseDouble(value));
	}

	private static long onset(Trace trace) {
		for (Trace.Mark mark : trace.marks()) {
			if (mark.text().startsWith("leak-start")) {
				return mark.atMillis();
			}
		}
		return trace.startMillis();
	}

	/**
	 * When the heap ran out: the trace's {@code exhausted} mark, else the first whole-heap
	 * collection that left 95% of the max heap in use, else -1.
	 */
	private static long exhaustion(Trace trace) {
		for (Trace.Mark mark : trace.marks()) {
			if (mark.text().startsWith("exhausted")) {
				return mark.atMillis();
			}
		}
		long max = trace.maxHeap();
		for (GcNotification collection : trace.collections()) {
			if (max > 0 && CollectionKind.of(collection).wholeHeap() && collection.usedAfter() >= 0.95 * max) {
				return collection.endMillis();
			}
		}
		return -1;
	}

	private static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * One labelled trace.
	 *
	 * @param file its file name
	 * @param label {@code leak}, {@code stable} or {@code warmup}
	 * @param resource what leaks in a leak trace
	 * @param onsetMillis when the leak started (the trace's start if not known)
	 * @param exhaustionMillis when the resource ran out, or -1 if it did not in the trace
	 * @param trace the trace
	 */
	public record LabelledTrace(String file, String label, String resource, long onsetMillis, long exhaustionMillis,
			Trace trace) {

		public boolean leak() {
			return "leak".equals(this.label);
		}

	}

}
