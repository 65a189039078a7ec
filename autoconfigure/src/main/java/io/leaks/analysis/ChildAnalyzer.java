package io.leaks.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.leaks.unit.ByteSize;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the analyzer in a JVM of its own, so that however big the dump, the application's
 * heap never holds any of it: the running JDK's {@code java} with a small heap of its own,
 * a lowered CPU priority, a time limit and a disk budget for its work directory. Whatever
 * happens to the analyzer (it fails, runs out of memory, is stopped) is an outcome with a
 * reason; the application carries on.
 */
public final class ChildAnalyzer {

	private static final long MB = 1024 * 1024;

	private static final Duration POLL = Duration.ofMillis(200);

	private static final int LOG_LINES = 5;

	/** The exit status of a JVM run with {@code -XX:+ExitOnOutOfMemoryError}. */
	private static final int OUT_OF_MEMORY = 3;

	/** Room for the index of a small dump, whatever the dump's size says. */
	private static final long MIN_BUDGET = 64 * MB;

	private static final String[] NICE = { "/usr/bin/nice", "/bin/nice" };

	private final AnalyzerSettings settings;

	private final Path runtimeDirectory;

	private final JsonMapper json = JsonMapper.builder().build();

	private @Nullable List<Path> classpath;

	/**
	 * Creates a launcher.
	 * @param settings how to run the analyzer
	 * @param runtimeDirectory where jars nested in a Spring Boot jar are copied to
	 */
	public ChildAnalyzer(AnalyzerSettings settings, Path runtimeDirectory) {
		this.settings = settings;
		this.runtimeDirectory = runtimeDirectory;
	}

	public AnalyzerSettings settings() {
		return this.settings;
	}

	/**
	 * Runs one analysis and waits for it.
	 * @param request what to analyse
	 * @param work an empty directory for the analyzer (its index goes there); deleted
	 * afterwards
	 * @param progress told each step the analyzer enters
	 * @param cancelled polled while the analyzer runs; {@code true} stops it
	 * @return the outcome
	 */
	public AnalyzerOutcome run(AnalyzerRequest request, Path work, Consumer<AnalysisStep> progress,
			BooleanSupplier cancelled) {
		try {
			createPrivateDirectory(work);
			long budget = budget(request);
			long usable = Files.getFileStore(work).getUsableSpace();
			long expected = expectedIndexBytes(request);
			if (usable < expected) {
				return AnalyzerOutcome.failed("Not enough free disk space in " + work + " for the analyzer's index: "
						+ "about " + mb(expected) + " expected, " + mb(usable) + " usable", -1, null);
			}
			Path requestFile = work.resolve("request.json");
			Path outputFile = work.resolve("output.json");
			this.json.writeValue(requestFile.toFile(), request);
			progress.accept(AnalysisStep.STARTING);
			Process process = start(command(requestFile, outputFile, work), work);
			return watch(process, work, outputFile, budget, progress, cancelled);
		}
		catch (IOException | UncheckedIOException | JacksonException ex) {
			return AnalyzerOutcome.failed("The analyzer could not be started: " + ex.getMessage(), -1, null);
		}
		finally {
			try {
				AnalyzerMain.deleteRecursively(work);
			}
			catch (IOException ex) {
				// A later start removes what is left (the work directory is named per run).
			}
		}
	}

	/**
	 * The command that starts the analyzer.
	 * @param requestFile the request
	 * @param outputFile where it answers
	 * @param work its work directory (also its temporary directory)
	 * @return the command
	 * @throws IOException if the analyzer's class path cannot be put together
	 */
	List<String> command(Path requestFile, Path outputFile, Path work) throws IOException {
		List<String> command = new ArrayList<>();
		String nice = (this.settings.niceness() > 0) ? nice() : null;
		if (nice != null) {
			command.add(nice);
			command.add("-n");
			command.add(Integer.toString(this.settings.niceness()));
		}
		command.add(javaExecutable());
		command.add("-Xmx" + (this.settings.maxHeapBytes() / MB) + "m");
		command.add("-XX:+UseSerialGC");
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-XX:-UsePerfData");
		command.add("-Djava.awt.headless=true");
		command.add("-Djava.io.tmpdir=" + work);
		command.addAll(this.settings.jvmOptions());
		command.add("-cp");
		command.add(classpath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
		command.add(AnalyzerMain.class.getName());
		command.add(requestFile.toString());
		command.add(outputFile.toString());
		return command;
	}

	private synchronized List<Path> classpath() throws IOException {
		if (this.classpath == null) {
			createPrivateDirectory(this.runtimeDirectory);
			this.classpath = List.copyOf(AnalyzerClasspath.resolve(this.runtimeDirectory));
		}
		return this.classpath;
	}

	private static Process start(List<String> command, Path work) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(false)
			.redirectError(work.resolve("analyzer.log").toFile());
		return builder.start();
	}

	private AnalyzerOutcome watch(Process process, Path work, Path outputFile, long budget,
			Consumer<AnalysisStep> progress, BooleanSupplier cancelled) throws IOException {
		Thread reader = new Thread(() -> readProgress(process, progress), "leaks-analyzer-progress");
		reader.setDaemon(true);
		reader.start();
		long deadline = System.nanoTime() + this.settings.timeLimit().toNanos();
		String stopped = null;
		try {
			while (!waitFor(process)) {
				if (cancelled.getAsBoolean()) {
					stopped = "The analysis was cancelled";
				}
				else if (System.nanoTime() > deadline) {
					stopped = "The analyzer took longer than its time limit of " + this.settings.timeLimit()
							+ " (leaks.analysis.time-limit) and was stopped";
				}
				else {
					long used = AnalyzerMain.size(work);
					if (used > budget) {
						stopped = "The analyzer's index grew beyond its disk budget of " + mb(budget)
								+ " (leaks.analysis.max-index-size) and it was stopped";
					}
				}
				if (stopped != null) {
					process.destroyForcibly();
					process.waitFor(10, TimeUnit.SECONDS);
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			stopped = "The analysis was interrupted (the application is shutting down)";
		}
		finally {
			process.getOutputStream().close();
		}
		int exit = process.isAlive() ? -1 : process.exitValue();
		if (stopped != null) {
			return AnalyzerOutcome.failed(stopped, exit, null);
		}
		AnalyzerOutput output = readOutput(outputFile);
		if (exit == 0 && output != null && output.failure() == null) {
			return new AnalyzerOutcome(output, null, exit);
		}
		if (output != null && output.failure() != null) {
			return AnalyzerOutcome.failed("The analyzer failed: " + output.failure(), exit, output);
		}
		List<String> log = tail(work.resolve("analyzer.log"));
		if (exit == OUT_OF_MEMORY || log.stream().anyMatch((line) -> line.contains("OutOfMemoryError"))) {
			return AnalyzerOutcome.failed("The analyzer ran out of its " + mb(this.settings.maxHeapBytes())
					+ " heap (leaks.analysis.max-heap); give it more, or analyse a smaller dump", exit, null);
		}
		return AnalyzerOutcome.failed("The analyzer exited with status " + exit
				+ (log.isEmpty() ? "" : ": " + String.join(" / ", log)), exit, null);
	}

	private boolean waitFor(Process process) throws InterruptedException {
		return process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static void readProgress(Process process, Consumer<AnalysisStep> progress) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(AnalyzerMain.STEP)) {
					String[] parts = line.substring(AnalyzerMain.STEP.length()).split(" ", 2);
					try {
						progress.accept(AnalysisStep.valueOf(parts[0]));
					}
					catch (IllegalArgumentException ex) {
						// A step this version does not know: progress only.
					}
				}
			}
		}
		catch (IOException ex) {
			// The analyzer is gone; its exit status tells the rest.
		}
	}

	private @Nullable AnalyzerOutput readOutput(Path outputFile) {
		if (!Files.isRegularFile(outputFile)) {
			return null;
		}
		try {
			return this.json.readValue(outputFile.toFile(), AnalyzerOutput.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static List<String> tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.toList();
			return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of();
		}
	}

	private long budget(AnalyzerRequest request) {
		if (this.settings.maxIndexBytes() > 0) {
			return this.settings.maxIndexBytes();
		}
		return Math.max(MIN_BUDGET, 2 * expectedIndexBytes(request));
	}

	/** The index is about the size of the dump; a compressed dump unpacks to several times its size. */
	private static long expectedIndexBytes(AnalyzerRequest request) {
		long total = 0;
		for (AnalyzerRequest.DumpFile dump : request.dumps()) {
			try {
				long size = Files.size(Path.of(dump.path()));
				total = Math.max(total, dump.compressed() ? size * 5 * 2 : size);
			}
			catch (IOException ex) {
				// A missing dump fails in the analyzer with its own reason.
			}
		}
		return total;
	}

	private static @Nullable String nice() {
		for (String candidate : NICE) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	private static String javaExecutable() {
		boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
		return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
	}

	static void createPrivateDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Path parent = directory.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectory(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectory(directory);
		}
	}

	private static String mb(long bytes) {
		return ByteSize.format(bytes);
	}

}
