package io.leaks.analysis;

import java.time.Duration;
import java.util.List;

/**
 * How the analyzer's JVM is run.
 *
 * @param maxHeapBytes its heap limit ({@code -Xmx})
 * @param timeLimit how long it may take before it is stopped
 * @param maxIndexBytes most disk space its work directory (index, unpacked dumps) may use;
 * 0 means twice the size of the dumps analysed
 * @param niceness how much its CPU priority is lowered ({@code nice -n}); 0 leaves it
 * @param limits bounds of the analysis itself
 * @param jvmOptions further options for its JVM
 */
public record AnalyzerSettings(long maxHeapBytes, Duration timeLimit, long maxIndexBytes, int niceness,
		HeapAnalyzer.Limits limits, List<String> jvmOptions) {

	/** The analyzer's defaults: a 256 MB heap, ten minutes, niceness 10. */
	public static final AnalyzerSettings DEFAULT = new AnalyzerSettings(256L * 1024 * 1024, Duration.ofMinutes(10), 0,
			10, HeapAnalyzer.Limits.DEFAULT, List.of());

	public AnalyzerSettings {
		jvmOptions = List.copyOf(jvmOptions);
		if (maxHeapBytes < 32L * 1024 * 1024) {
			throw new IllegalArgumentException("the analyzer needs at least 32 MB of heap, was " + maxHeapBytes);
		}
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("the analyzer's time limit must be positive, was " + timeLimit);
		}
		if (maxIndexBytes < 0) {
			throw new IllegalArgumentException("the analyzer's disk budget must not be negative");
		}
		if (niceness < 0 || niceness > 19) {
			throw new IllegalArgumentException("niceness must be from 0 to 19, was " + niceness);
		}
	}

}
