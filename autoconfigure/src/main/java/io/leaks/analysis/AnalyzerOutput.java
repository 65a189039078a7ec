package io.leaks.analysis;

import org.jspecify.annotations.Nullable;

/**
 * What the analyzer's JVM answers, as JSON in its work directory: a result, or the reason
 * there is none.
 *
 * @param analysis the analysis of one dump
 * @param growth the comparison of two dumps
 * @param failure why the analysis failed
 * @param figures what the analyzer's JVM used
 */
public record AnalyzerOutput(@Nullable HeapAnalysis analysis, @Nullable HeapGrowth growth, @Nullable String failure,
		AnalyzerFigures figures) {

}
