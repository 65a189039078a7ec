package io.leaks.workloads.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Counts the collections someone forced, from a JVM's unified GC log ({@code -Xlog:gc*}):
 * {@code System.gc()}, class histograms ({@code Heap Inspection Initiated GC}), heap dumps
 * and diagnostic commands, each collection once however many lines it has.
 */
public final class ForcedCollections {

	/** The causes a collection is forced by, as the GC log writes them. */
	public static final List<String> CAUSES = List.of("System.gc()", "Heap Inspection Initiated GC",
			"Heap Dump Initiated GC", "Diagnostic Command");

	private static final Pattern ID = Pattern.compile("\\bGC\\((\\d+)\\)");

	private ForcedCollections() {
	}

	/**
	 * Counts in a GC log, plain or gzip-compressed.
	 * @param log the log
	 * @return the forced collections
	 * @throws IOException if it cannot be read
	 */
	public static int count(Path log) throws IOException {
		try (InputStream in = open(log);
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return count(lines.lines().toList());
		}
	}

	private static InputStream open(Path log) throws IOException {
		InputStream in = Files.newInputStream(log);
		return log.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

	/**
	 * Counts in the lines of a GC log.
	 * @param lines the lines
	 * @return the forced collections: distinct GC ids whose line names a forced cause
	 */
	static int count(List<String> lines) {
		Set<String> forced = new HashSet<>();
		for (String line : lines) {
			Matcher id = ID.matcher(line);
			if (id.find() && forcedCause(line)) {
				forced.add(id.group(1));
			}
		}
		return forced.size();
	}

	private static boolean forcedCause(String line) {
		for (String cause : CAUSES) {
			if (line.contains("(" + cause + ")")) {
				return true;
			}
		}
		return false;
	}

}
