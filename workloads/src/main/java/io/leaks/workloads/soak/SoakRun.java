package io.leaks.workloads.soak;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * One service of a soak, as {@code soak.sh} describes it in {@code <name>.soak}: what it
 * ran, what it should do, and where its files are.
 *
 * @param name the run's name
 * @param expectLeak whether it leaks (and should raise a LeakSuspectedEvent)
 * @param suspect the class a leak must be named by, or {@code null}
 * @param what what it ran: a demo pattern and its rate, or a workload scenario
 * @param trace its trace
 * @param gcLog its GC log
 * @param log its output
 * @param startedEpochMillis when its load started (a demo's driver), or -1 to take the trace's
 * {@code start} mark
 */
public record SoakRun(String name, boolean expectLeak, @Nullable String suspect, String what, Path trace,
		Path gcLog, Path log, long startedEpochMillis) {

	/**
	 * Reads a descriptor.
	 * @param file the {@code .soak} file; the paths in it are relative to its directory
	 * @return the run
	 * @throws IOException if it cannot be read
	 */
	public static SoakRun read(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Path directory = file.toAbsolutePath().getParent();
		String name = required(properties, "name", file);
		String suspect = properties.getProperty("suspect", "").trim();
		return new SoakRun(name, "leak".equals(required(properties, "expect", file)), suspect.isEmpty() ? null : suspect,
				required(properties, "what", file), directory.resolve(required(properties, "trace", file)),
				directory.resolve(required(properties, "gclog", file)), directory.resolve(required(properties, "log", file)),
				Long.parseLong(properties.getProperty("started.epochMillis", "-1").trim()));
	}

	private static String required(Properties properties, String key, Path file) throws IOException {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IOException(file + " has no " + key);
		}
		return value.trim();
	}

}
