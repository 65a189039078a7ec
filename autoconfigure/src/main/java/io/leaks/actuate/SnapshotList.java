package io.leaks.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/snapshots}.
 *
 * @param snapshots stored snapshots, oldest first
 * @param maxCount how many are kept before the oldest is evicted
 */
public record SnapshotList(List<SnapshotSummary> snapshots, int maxCount) implements OperationResponseBody {

}
