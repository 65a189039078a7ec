package io.leaks.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiffRow;
import io.leaks.histogram.DiffSort;
import io.leaks.histogram.HistogramDiff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@code GET /actuator/leaks/compare} without the HTTP: diff two snapshots of a
 * few thousand classes and rank the top 20. Goal: under 5 ms for about 4,000 classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramDiffBenchmark {

	@Param({ "4000", "12000" })
	int classes;

	ClassHistogram from;

	ClassHistogram to;

	@Setup
	public void setUp() {
		this.from = SyntheticHistograms.of(this.classes, 42);
		this.to = SyntheticHistograms.grown(this.from, 43);
	}

	@Benchmark
	public List<DiffRow> compareTop20ByBytes() {
		return HistogramDiff.between(this.from, this.to).top(DiffSort.BYTES, 20, false);
	}

	@Benchmark
	public List<DiffRow> compareTop20ByInstancesWithoutJdk() {
		return HistogramDiff.between(this.from, this.to).top(DiffSort.INSTANCES, 20, true);
	}

}
