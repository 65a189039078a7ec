package io.leaks.actuate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.leaks.allocation.AllocationException;
import io.leaks.allocation.AllocationRecording;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.RecordingRequest;
import io.leaks.allocation.RecordingStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;

/**
 * Allocation recordings: {@code /allocations} and {@code /allocations/{id}}.
 */
public final class AllocationOperations implements LeaksOperations {

	/** The refusal while recordings are off. */
	static final String OFF = "Allocation recordings are off in this application: they need JFR (the jdk.jfr module "
			+ "in the runtime), leaks.allocations.enabled=true (the default) and leaks.enabled=true";

	private final AllocationRecordings recordings;

	/**
	 * Creates the operations.
	 * @param recordings runs and keeps the recordings
	 */
	public AllocationOperations(AllocationRecordings recordings) {
		Assert.notNull(recordings, "'recordings' must not be null");
		this.recordings = recordings;
	}

	AllocationList list() {
		List<AllocationRecording> kept = this.recordings.list();
		String running = kept.stream()
			.filter((recording) -> recording.status() == RecordingStatus.RUNNING)
			.map(AllocationRecording::id)
			.findFirst()
			.orElse(null);
		AllocationRecordings.Settings settings = this.recordings.settings();
		return new AllocationList(kept.stream().map(AllocationList.Summary::of).toList(), running,
				settings.maxResults(), settings.defaultDuration().toMillis(), settings.maxDuration().toMillis(),
				this.recordings.unavailableReason(), this.recordings.unsupportedCollector());
	}

	AllocationRecordingResponse detail(String id) {
		return respond(refusable(() -> this.recordings.get(id)));
	}

	/**
	 * Starts a recording.
	 * @param duration how long, such as {@code 60s}, {@code 2m} or {@code PT1M}; {@code null}
	 * for the default
	 * @param classes class names separated by commas (a JSON array arrives so), or
	 * {@code null} for the classes with the most sampled bytes
	 * @param oldObjects whether to sample old objects and their paths to GC roots too
	 * @return the recording, running
	 */
	AllocationRecordingResponse start(@Nullable String duration, @Nullable String classes, boolean oldObjects) {
		RecordingRequest request = new RecordingRequest(duration(duration), classes(classes), oldObjects);
		return respond(refusable(() -> this.recordings.start(request)));
	}

	Deleted delete(String id) {
		AllocationRecording deleted = refusable(() -> this.recordings.delete(id));
		boolean stopped = AllocationRecordings.STOPPED_BY_DELETE.equals(deleted.failure());
		return new Deleted(deleted.id(),
				"Allocation recording " + deleted.id() + (stopped ? " stopped (without results) and deleted" : " deleted"));
	}

	private AllocationRecordingResponse respond(AllocationRecording recording) {
		return AllocationRecordingResponse.of(recording, this.recordings.settings());
	}

	private Duration duration(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return this.recordings.settings().defaultDuration();
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			throw LeaksOperationException.badRequest("duration needs a unit: \"" + trimmed + "s\" or \"" + trimmed
					+ "m\" (or ISO-8601 such as PT1M), was '" + trimmed + "'");
		}
		try {
			return DurationStyle.detectAndParse(trimmed);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw LeaksOperationException
				.badRequest("duration must be a length of time such as 60s, 2m or PT1M (a number and a unit: ms, s, "
						+ "m or h)");
		}
	}

	private static List<String> classes(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

	/**
	 * The allocation package refuses with its own exception and knows nothing of HTTP; its
	 * reasons become statuses here.
	 */
	private static <T> T refusable(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (AllocationException ex) {
			int status = switch (ex.reason()) {
				case INVALID -> 400;
				case NOT_FOUND -> 404;
				case BUSY -> 429;
				case UNAVAILABLE -> 503;
			};
			throw new LeaksOperationException(status, ex.getMessage());
		}
	}

}
