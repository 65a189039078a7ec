package io.leaks.benchmarks;

import java.util.concurrent.TimeUnit;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.histogram.HistogramParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning {@code GC.class_histogram} text of 4,000 classes into a histogram.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramParseBenchmark {

	String text;

	@Setup
	public void setUp() {
		ClassHistogram histogram = SyntheticHistograms.of(4000, 7);
		StringBuilder builder = new StringBuilder(" num     #instances         #bytes  class name (module)\n");
		builder.append("-------------------------------------------------------\n");
		int row = 1;
		for (HistogramEntry entry : histogram.entries()) {
			builder.append(String.format("%5d: %14d %14d  %s%s%n", row++, entry.instances(), entry.bytes(),
					entry.className(), (entry.module() != null) ? " (" + entry.module() + ")" : ""));
		}
		builder.append(String.format("Total %14d %14d%n", histogram.totalInstances(), histogram.totalBytes()));
		this.text = builder.toString();
	}

	@Benchmark
	public ClassHistogram parse4000Classes() {
		return HistogramParser.parse(this.text);
	}

}
