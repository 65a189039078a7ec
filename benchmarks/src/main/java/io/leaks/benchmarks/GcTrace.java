package io.leaks.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leaks.trend.CollectionKind;
import io.leaks.trend.HeapAfterGc;

/**
 * One labelled GC trace of {@code shared/traces}: rows of
 * {@code t_ms,used_after_gc,capacity,kind}, one per collection, in time order.
 *
 * @param file the file name
 * @param label {@code leak}, {@code stable} or {@code warmup}
 * @param collections the collections, in time order
 */
record GcTrace(String file, String label, List<HeapAfterGc> collections) {

	boolean leak() {
		return "leak".equals(this.label);
	}

	long startMillis() {
		return this.collections.get(0).atMillis();
	}

	long endMillis() {
		return this.collections.get(this.collections.size() - 1).atMillis();
	}

	/**
	 * The largest capacity the log reports: the best lower bound of the max heap it has,
	 * standing in for {@code -Xmx}, which a running JVM always knows.
	 */
	long largestCapacity() {
		long largest = 0;
		for (HeapAfterGc collection : this.collections) {
			largest = Math.max(largest, collection.committed());
		}
		return largest;
	}

	/**
	 * Reads every trace named in {@code labels.csv}, in its order.
	 * @param directory the directory with {@code labels.csv} and the traces
	 * @return the traces
	 */
	static List<GcTrace> readAll(Path directory) {
		Map<String, String> labels = labels(directory.resolve("labels.csv"));
		List<GcTrace> traces = new ArrayList<>();
		labels.forEach((file, label) -> traces.add(new GcTrace(file, label, collections(directory.resolve(file)))));
		return traces;
	}

	private static Map<String, String> labels(Path file) {
		Map<String, String> labels = new LinkedHashMap<>();
		List<String> lines = lines(file);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",", 3);
			labels.put(fields[0].trim(), fields[1].trim());
		}
		return labels;
	}

	private static List<HeapAfterGc> collections(Path file) {
		List<HeapAfterGc> collections = new ArrayList<>();
		List<String> lines = lines(file);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",");
			collections.add(new HeapAfterGc(Math.round(Double.parseDouble(fields[0])), kind(fields[3].trim()),
					Long.parseLong(fields[1].trim()), Long.parseLong(fields[2].trim())));
		}
		if (collections.isEmpty()) {
			throw new IllegalArgumentException(file + " holds no collections");
		}
		return collections;
	}

	private static CollectionKind kind(String kind) {
		return switch (kind.toLowerCase(Locale.ROOT)) {
			case "young" -> CollectionKind.YOUNG;
			case "mixed" -> CollectionKind.MIXED;
			case "full" -> CollectionKind.FULL;
			default -> CollectionKind.OTHER;
		};
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
