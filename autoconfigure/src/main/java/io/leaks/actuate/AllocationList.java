package io.leaks.actuate;

import java.time.Instant;
import java.util.List;

import io.leaks.allocation.AllocationRecording;
import io.leaks.allocation.AllocationReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/allocations}: the kept recordings, oldest first, and what this
 * JVM can record.
 *
 * @param recordings the recordings
 * @param running the id of the running one, or {@code null}
 * @param maxResults most finished recordings kept
 * @param defaultDurationMillis how long a recording runs when the request names no duration
 * @param maxDurationMillis longest recording a request may ask for
 * @param unavailableReason why this JVM cannot record at all, or {@code null}
 * @param oldObjectsUnavailableUnder the collector under which old-object samples are
 * refused ({@code ZGC}, {@code Shenandoah}), or {@code null}
 */
public record AllocationList(List<Summary> recordings, @Nullable String running, int maxResults,
		long defaultDurationMillis, long maxDurationMillis, @Nullable String unavailableReason,
		@Nullable String oldObjectsUnavailableUnder) implements OperationResponseBody {

	/**
	 * One recording, without its figures.
	 *
	 * @param id its id
	 * @param status {@code RUNNING}, {@code DONE} or {@code FAILED}
	 * @param startedAt when it started
	 * @param endsAt when it is due to end
	 * @param finishedAt when it ended, or {@code null}
	 * @param durationMillis how long it was asked to run
	 * @param requestedClasses the classes asked for, canonical
	 * @param oldObjects what became of its old-object samples, or {@code null} when it failed
	 * @param samples allocation samples so far
	 */
	public record Summary(String id, String status, Instant startedAt, Instant endsAt, @Nullable Instant finishedAt,
			long durationMillis, List<String> requestedClasses, @Nullable String oldObjects, long samples) {

		static Summary of(AllocationRecording recording) {
			AllocationReport report = recording.report();
			return new Summary(recording.id(), recording.status().name(), recording.startedAt(), recording.endsAt(),
					recording.finishedAt(), recording.request().duration().toMillis(),
					AllocationRecordingResponse.requestedClasses(recording),
					(report != null) ? report.oldObjects().name() : null,
					(report != null) ? report.totals().samples() : 0);
		}

	}

}
