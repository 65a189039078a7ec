package io.leaks.analysis;

import org.jspecify.annotations.Nullable;

/**
 * How a run of the analyzer's JVM ended: with its output, or with the reason it has none
 * (it failed, ran out of memory, took too long, used too much disk, or was cancelled).
 *
 * @param output what it answered, or {@code null} if it never did
 * @param failure why there is no result, or {@code null} on success
 * @param exitCode its exit status, -1 if it never started
 */
public record AnalyzerOutcome(@Nullable AnalyzerOutput output, @Nullable String failure, int exitCode) {

	static AnalyzerOutcome failed(String failure, int exitCode, @Nullable AnalyzerOutput output) {
		return new AnalyzerOutcome(output, failure, exitCode);
	}

	public boolean succeeded() {
		return this.failure == null && this.output != null;
	}

}
