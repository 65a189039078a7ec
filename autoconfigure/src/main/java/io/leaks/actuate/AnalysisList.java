package io.leaks.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/analyses}.
 *
 * @param directory where analyses are kept ({@code leaks.analysis.directory}); left out
 * for read-only access, which is never told file-system paths
 * @param analyses the analyses, oldest first, without their results
 * @param maxCount most finished analyses kept
 * @param busy whether one is queued or running (a new one would be refused)
 * @param maxHeapBytes the analyzer's heap ({@code leaks.analysis.max-heap})
 */
public record AnalysisList(@Nullable String directory, List<AnalysisView> analyses, int maxCount, boolean busy,
		long maxHeapBytes) implements OperationResponseBody {

}
