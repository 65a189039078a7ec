package io.leaks.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/heapdumps}.
 *
 * @param directory where the dumps are ({@code leaks.heap-dump.directory}); left out for
 * read-only access, which is never told file-system paths
 * @param dumps the dumps, oldest first
 * @param totalSizeBytes their size together
 * @param maxCount most dumps kept before the oldest is deleted
 * @param maxTotalSizeBytes most bytes kept before the oldest is deleted
 * @param download whether dumps can be downloaded through the endpoint
 * @param writing whether a dump is being written now
 */
public record HeapDumpList(@Nullable String directory, List<HeapDumpSummary> dumps, long totalSizeBytes, int maxCount,
		long maxTotalSizeBytes, boolean download, boolean writing) implements OperationResponseBody {

}
