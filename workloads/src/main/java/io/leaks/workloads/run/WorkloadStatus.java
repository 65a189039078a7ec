package io.leaks.workloads.run;

import org.jspecify.annotations.Nullable;

/**
 * What a workload run does now: the answer of {@code GET /workload}.
 *
 * @param scenario the scenario's id
 * @param label what its trace shows when it runs to the end
 * @param resource what it grows
 * @param description what it does, with its sizes
 * @param elapsedSeconds time since it started
 * @param durationSeconds how long it runs
 * @param held what the scenario holds now, by its own count
 * @param heldInBytes whether {@code held} is bytes (else threads or classes)
 * @param leaking whether its leak is under way
 * @param leakStartedSeconds when its leak started, seconds after the start
 * @param exhaustedSeconds when the heap was found about to be full, seconds after the start
 * @param ended whether the run is over
 * @param requests background requests served
 * @param sessionBytes bytes the background's sessions hold now
 */
public record WorkloadStatus(String scenario, String label, String resource, String description,
		long elapsedSeconds, long durationSeconds, long held, boolean heldInBytes, boolean leaking,
		@Nullable Long leakStartedSeconds, @Nullable Long exhaustedSeconds, boolean ended, long requests,
		long sessionBytes) {

}
