package io.leaks.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;

/**
 * Compares the cost of one live snapshot (DiagnosticCommand MBean plus parsing) with the
 * JDK's own tool, {@code jcmd <pid> GC.class_histogram}, on the same heap of at least a
 * million live objects, alternating the two so both see the same heap and the same
 * machine load. Run it with a fixed heap, e.g.
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.SnapshotCostHarness}.
 */
public final class SnapshotCostHarness {

	private SnapshotCostHarness() {
	}

	public static void main(String[] args) throws Exception {
		int objects = (args.length > 0) ? Integer.parseInt(args[0]) : 1_500_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		List<Object> live = retain(objects);
		DiagnosticCommandHistogramSampler sampler = new DiagnosticCommandHistogramSampler(
				ManagementFactory.getPlatformMBeanServer());
		String jcmd = jcmd();
		long pid = ProcessHandle.current().pid();
		sampler.sample(true);
		runJcmd(jcmd, pid);
		long[] ours = new long[rounds];
		long[] theirs = new long[rounds];
		int classes = 0;
		long instances = 0;
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			ClassHistogram histogram = sampler.sample(true);
			ours[i] = System.nanoTime() - start;
			classes = histogram.classCount();
			instances = histogram.totalInstances();
			start = System.nanoTime();
			runJcmd(jcmd, pid);
			theirs[i] = System.nanoTime() - start;
		}
		System.out.printf("heap: %d live objects retained by the harness, %d classes, %d instances in total%n",
				live.size(), classes, instances);
		System.out.printf("snapshot (MBean + parse): median %.1f ms  %s%n", median(ours), millis(ours));
		System.out.printf("jcmd GC.class_histogram:  median %.1f ms  %s%n", median(theirs), millis(theirs));
		System.out.printf("ratio snapshot/jcmd: %.2f%n", median(ours) / median(theirs));
	}

	private static List<Object> retain(int count) {
		List<Object> live = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			live.add((i % 3 == 0) ? new byte[16] : (i % 3 == 1) ? Integer.toString(i) : new long[] { i });
		}
		return live;
	}

	private static String jcmd() {
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		Path jcmd = java.resolveSibling("jcmd");
		if (!Files.isExecutable(jcmd)) {
			throw new IllegalStateException("jcmd not found next to " + java);
		}
		return jcmd.toString();
	}

	private static void runJcmd(String jcmd, long pid) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
			.start();
		try (InputStream output = process.getInputStream()) {
			output.transferTo(OutputStream.nullOutputStream());
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("jcmd failed with exit code " + process.exitValue());
		}
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static String millis(long[] nanos) {
		return Arrays.toString(Arrays.stream(nanos).mapToObj((n) -> String.format("%.0f", n / 1e6)).toArray());
	}

}
