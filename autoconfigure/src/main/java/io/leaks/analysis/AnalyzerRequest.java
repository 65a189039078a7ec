package io.leaks.analysis;

import java.util.List;

/**
 * What the application asks of the analyzer's JVM, written as JSON into its work
 * directory.
 *
 * @param dumps the dumps to analyse: one, or two (earlier first) to compare
 * @param classes the classes to look at
 * @param limits bounds of the analysis
 */
public record AnalyzerRequest(List<DumpFile> dumps, List<String> classes, HeapAnalyzer.Limits limits) {

	public AnalyzerRequest {
		dumps = List.copyOf(dumps);
		classes = List.copyOf(classes);
		if (dumps.isEmpty() || dumps.size() > 2) {
			throw new IllegalArgumentException("one dump to analyse or two to compare, not " + dumps.size());
		}
	}

	/**
	 * Whether two dumps are compared.
	 * @return {@code true} for a growth analysis
	 */
	public boolean growth() {
		return this.dumps.size() == 2;
	}

	/**
	 * A dump to analyse.
	 *
	 * @param name its name in the dump directory
	 * @param path where it is
	 * @param compressed whether it is gzipped (the analyzer unpacks it into its work
	 * directory first)
	 */
	public record DumpFile(String name, String path, boolean compressed) {

	}

}
