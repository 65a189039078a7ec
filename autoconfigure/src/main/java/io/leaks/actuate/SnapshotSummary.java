package io.leaks.actuate;

import java.time.Instant;
import java.util.List;

import io.leaks.histogram.HistogramSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * A snapshot without its rows; returned when one is taken, with what was evicted.
 *
 * @param label the label
 * @param takenAt when it was taken
 * @param classCount classes in the histogram
 * @param totalInstances instances of all classes
 * @param totalBytes bytes of all classes
 * @param liveOnly whether only live objects were counted
 * @param durationMillis how long it took
 * @param evicted labels of older snapshots evicted to make room (only when taking one)
 */
public record SnapshotSummary(String label, Instant takenAt, int classCount, long totalInstances, long totalBytes,
		boolean liveOnly, long durationMillis, List<String> evicted) implements OperationResponseBody {

	static SnapshotSummary of(HistogramSnapshot snapshot, List<String> evicted) {
		return new SnapshotSummary(snapshot.label(), snapshot.takenAt(), snapshot.histogram().classCount(),
				snapshot.histogram().totalInstances(), snapshot.histogram().totalBytes(), snapshot.liveOnly(),
				snapshot.duration().toMillis(), evicted);
	}

}
