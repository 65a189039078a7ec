package io.leaks.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.leaks.analysis.AnalyzerFigures;
import io.leaks.analysis.AnalyzerOutcome;
import io.leaks.analysis.AnalyzerRequest;
import io.leaks.analysis.AnalyzerSettings;
import io.leaks.analysis.ChildAnalyzer;
import io.leaks.analysis.ClassFinding;
import io.leaks.analysis.HeapAnalyzer;
import io.leaks.analysis.Owner;

/**
 * Time and memory of the heap analysis, against LeakCanary's Shark 2.14 on the same dumps
 * in the same run. {@code dump} writes a live dump of a {@link LeakyHeap}; {@code compare}
 * analyses each dump for its five leaking classes (owners, grouped paths and retained
 * sizes) with the starter's own analyzer in its child JVM at its default 256 MB heap, then
 * with Shark in a JVM of its own, at the smallest of 256 MB, 512 MB, 768 MB, 1 GB, 1.5 GB
 * and 2 GB of heap with which it completes. Both run at normal priority here, so that they
 * compete on equal terms. Run with
 * <pre>
 * java -Xmx1500m -XX:+UseG1GC -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.HeapAnalysisHarness dump 350 /tmp/d500.hprof
 * java -Xmx500m -XX:+UseG1GC -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.HeapAnalysisHarness dump 56 /tmp/d100.hprof
 * java -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.HeapAnalysisHarness compare /tmp/d100.hprof /tmp/d500.hprof
 * </pre>
 */
public final class HeapAnalysisHarness {

	private static final long MB = 1024 * 1024;

	private static final int[] SHARK_HEAPS_MB = { 256, 512, 768, 1024, 1536, 2048 };

	private HeapAnalysisHarness() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 3 && args[0].equals("dump")) {
			dump(Integer.parseInt(args[1]), Path.of(args[2]));
		}
		else if (args.length >= 2 && args[0].equals("compare")) {
			for (int i = 1; i < args.length; i++) {
				compare(Path.of(args[i]));
			}
		}
		else {
			System.err.println("Usage: HeapAnalysisHarness dump <liveMegabytes> <file.hprof> | compare <file.hprof>...");
			System.exit(64);
		}
	}

	private static void dump(int megabytes, Path file) throws Exception {
		LeakyHeap heap = LeakyHeap.fill(megabytes);
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
		System.out.printf("%s: %,d MB, %,d objects in the background collections, %,d of each leaking class%n",
				file, Files.size(file) / MB, heap.objects(), LeakyHeap.LEAKED);
		heap.release();
	}

	private static void compare(Path dump) throws IOException, InterruptedException {
		System.out.printf("== %s (%,d MB)%n", dump, Files.size(dump) / MB);
		Path work = Files.createTempDirectory("leaks-analysis-harness");
		AnalyzerSettings settings = new AnalyzerSettings(AnalyzerSettings.DEFAULT.maxHeapBytes(), Duration.ofMinutes(30),
				0, 0, HeapAnalyzer.Limits.DEFAULT, List.of());
		ChildAnalyzer analyzer = new ChildAnalyzer(settings, work.resolve("runtime"));
		long start = System.nanoTime();
		AnalyzerOutcome outcome = analyzer.run(
				new AnalyzerRequest(List.of(new AnalyzerRequest.DumpFile(dump.getFileName().toString(), dump.toString(),
						false)), LeakyHeap.CLASSES, HeapAnalyzer.Limits.DEFAULT),
				work.resolve("run"), (step) -> {
				}, () -> false);
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (!outcome.succeeded()) {
			System.out.println("leaks analyzer failed: " + outcome.failure());
		}
		else {
			AnalyzerFigures figures = outcome.output().figures();
			for (ClassFinding finding : outcome.output().analysis().classes()) {
				Owner owner = finding.owners().isEmpty() ? null : finding.owners().get(0);
				System.out.printf("  %s: %,d instances, retains %,d B; owner %s holds %,d (%,d B); %d path groups%n",
						simple(finding.className()), finding.instances(), finding.retainedBytes(),
						(owner != null) ? owner.path().pattern() : "-", (owner != null) ? owner.instances() : 0,
						(owner != null) ? owner.retainedBytes() : 0, finding.paths().size());
			}
			print("leaks (NetBeans lib)", millis, figures.maxHeapBytes() / MB, figures.peakHeapBytes(),
					figures.peakRssBytes(), figures.cpuMillis());
		}
		deleteTree(work);
		shark(dump);
	}

	private static void shark(Path dump) throws IOException, InterruptedException {
		String classpath = Path.of(HeapAnalysisHarness.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		for (int heap : SHARK_HEAPS_MB) {
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap + "m", "-XX:+UseSerialGC",
					"-XX:+ExitOnOutOfMemoryError", "-cp", classpath, SharkAnalysis.class.getName(), dump.toString()));
			command.addAll(LeakyHeap.CLASSES);
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String result = null;
			List<String> traces = new ArrayList<>();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("result ")) {
						result = line;
					}
					else if (line.startsWith("trace ") && traces.size() < 5) {
						traces.add(line);
					}
				}
			}
			int exit = process.waitFor();
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (exit == 0 && result != null) {
				for (String trace : traces) {
					System.out.println("  " + trace);
				}
				String[] figures = result.split(" ");
				print("Shark 2.14", millis, heap, Long.parseLong(figures[2]), Long.parseLong(figures[3]),
						Long.parseLong(figures[4]));
				return;
			}
			System.out.printf("  Shark 2.14 at -Xmx%dm: failed (exit %d) after %,d ms%n", heap, exit, millis);
		}
	}

	private static void print(String analyzer, long millis, long heapMb, long peakHeap, long peakRss, long cpu) {
		System.out.printf("%-22s -Xmx%5dm  wall %,7d ms  cpu %,7d ms  peak heap %,5d MB  peak RSS %,6d MB%n",
				analyzer + ":", heapMb, millis, cpu, peakHeap / MB, peakRss / MB);
	}

	private static String simple(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var files = Files.walk(root)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
