package io.leaks.allocation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recording as it stands.
 *
 * @param id names it in {@code GET /allocations/{id}}
 * @param request what was asked for
 * @param status where it stands
 * @param startedAt when it started
 * @param endsAt when it is due to end
 * @param finishedAt when it ended, or {@code null} while it runs
 * @param report the figures (partial while it runs), or {@code null} when it failed
 * @param failure why it failed, or {@code null}
 */
public record AllocationRecording(String id, RecordingRequest request, RecordingStatus status, Instant startedAt,
		Instant endsAt, @Nullable Instant finishedAt, @Nullable AllocationReport report, @Nullable String failure) {

}
