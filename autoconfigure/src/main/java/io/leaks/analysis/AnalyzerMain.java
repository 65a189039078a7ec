package io.leaks.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The analyzer's JVM: reads an {@link AnalyzerRequest} from its work directory, analyses
 * the dumps, and writes an {@link AnalyzerOutput} beside it. It reports each step on its
 * standard output ({@code step FINDING_PATHS <dump>}) and exits when its standard input
 * closes, so that it never outlives the application that started it.
 * <p>
 * Usage: {@code java -cp ... io.leaks.analysis.AnalyzerMain <request.json> <output.json>}.
 */
public final class AnalyzerMain {

	/** What starts a progress line on the analyzer's standard output. */
	public static final String STEP = "step ";

	/** Exit status when the application that started the analyzer went away. */
	static final int ORPHANED = 2;

	private AnalyzerMain() {
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("Usage: AnalyzerMain <request.json> <output.json>");
			System.exit(64);
		}
		exitWhenOrphaned();
		Path requestFile = Path.of(args[0]).toAbsolutePath();
		Path outputFile = Path.of(args[1]).toAbsolutePath();
		JsonMapper json = JsonMapper.builder().build();
		Path work = requestFile.getParent();
		AnalyzerOutput output;
		try {
			AnalyzerRequest request = json.readValue(requestFile.toFile(), AnalyzerRequest.class);
			output = run(request, work);
		}
		catch (Exception ex) {
			output = new AnalyzerOutput(null, null, describe(ex), figures(work));
		}
		Path partial = outputFile.resolveSibling(outputFile.getFileName() + ".partial");
		json.writeValue(partial.toFile(), output);
		try {
			Files.move(partial, outputFile, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			System.err.println("Could not write " + outputFile + ": " + ex);
			System.exit(1);
		}
		System.exit((output.failure() == null) ? 0 : 1);
	}

	private static AnalyzerOutput run(AnalyzerRequest request, Path work) throws IOException {
		AnalysisProgress progress = (step, dump) -> {
			System.out.println(STEP + step.name() + " " + dump);
			System.out.flush();
		};
		HeapAnalyzer analyzer = new HeapAnalyzer(request.limits(), progress);
		List<HeapAnalysis> analyses = new ArrayList<>();
		long indexBytes = 0;
		for (AnalyzerRequest.DumpFile dump : request.dumps()) {
			Path file = prepare(dump, work);
			analyses.add(analyzer.analyze(file, dump.name(), request.classes()));
			long index = size(work) - size(file);
			indexBytes = Math.max(indexBytes, index);
			// The next dump gets its own index: drop this one (and its mappings) first.
			System.gc();
			deleteRecursively(file.resolveSibling(file.getFileName() + ".nbcache"));
			if (!file.toAbsolutePath().equals(Path.of(dump.path()).toAbsolutePath())) {
				Files.deleteIfExists(file);
			}
		}
		AnalyzerFigures figures = figures(work);
		figures = new AnalyzerFigures(figures.maxHeapBytes(), figures.peakHeapBytes(), figures.peakRssBytes(),
				figures.cpuMillis(), indexBytes);
		if (request.growth()) {
			progress.onStep(AnalysisStep.COMPARING, request.dumps().get(1).name());
			return new AnalyzerOutput(null, GrowthComparison.between(analyses.get(0), analyses.get(1)), null, figures);
		}
		return new AnalyzerOutput(analyses.get(0), null, null, figures);
	}

	/**
	 * Puts the dump into the work directory, so that the library's index (which it
	 * writes beside the dump it opens) is a fresh one in the work directory: a link to
	 * it, or an unpacked copy of a compressed dump.
	 */
	private static Path prepare(AnalyzerRequest.DumpFile dump, Path work) throws IOException {
		Path source = Path.of(dump.path());
		if (!Files.isRegularFile(source)) {
			throw new IOException("Heap dump " + dump.name() + " is gone (" + source + ")");
		}
		String name = dump.compressed() ? dump.name().replaceFirst("\\.gz$", "") : dump.name();
		Path target = work.resolve(name);
		if (dump.compressed()) {
			try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 1 << 16);
					OutputStream out = Files.newOutputStream(target)) {
				in.transferTo(out);
			}
			return target;
		}
		try {
			return Files.createSymbolicLink(target, source);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Files.createLink(target, source);
		}
	}

	/** Exits as soon as the application that started this JVM closes its end of stdin. */
	private static void exitWhenOrphaned() {
		Thread watch = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// Nothing is ever sent; only the end of the stream matters.
				}
			}
			catch (IOException ex) {
				// The same as the end of the stream.
			}
			Runtime.getRuntime().halt(ORPHANED);
		}, "analyzer-parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

	static AnalyzerFigures figures(Path work) {
		long peakHeap = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peakHeap += pool.getPeakUsage().getUsed();
			}
		}
		long cpu = -1;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			cpu = os.getProcessCpuTime() / 1_000_000;
		}
		return new AnalyzerFigures(Runtime.getRuntime().maxMemory(), peakHeap, peakRss(), cpu, 0);
	}

	private static long peakRss() {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return -1;
		}
		try (Stream<String> lines = Files.lines(status)) {
			return lines.filter((line) -> line.startsWith("VmHWM:"))
				.map((line) -> line.replaceAll("[^0-9]", ""))
				.mapToLong((kilobytes) -> Long.parseLong(kilobytes) * 1024)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Bytes of the regular files in a directory tree, links not followed.
	 * @param root the directory (or a file)
	 * @return the total, 0 if it does not exist
	 */
	static long size(Path root) {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.mapToLong(AnalyzerMain::regularFileSize).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	private static long regularFileSize(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() ? attributes.size() : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
