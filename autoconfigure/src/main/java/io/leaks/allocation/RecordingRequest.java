package io.leaks.allocation;

import java.time.Duration;
import java.util.List;

/**
 * What a user asked to record.
 *
 * @param duration how long to record
 * @param classes the classes to report, as the user spelled them; empty for the classes with
 * the most sampled bytes
 * @param oldObjects whether to sample old objects and their paths to GC roots too
 */
public record RecordingRequest(Duration duration, List<String> classes, boolean oldObjects) {

	public RecordingRequest {
		classes = List.copyOf(classes);
	}

}
