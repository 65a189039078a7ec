package io.leaks.allocation;

/**
 * Where a recording stands.
 */
public enum RecordingStatus {

	/** Sampling; the figures so far are partial. */
	RUNNING,

	/** Ended; the figures are final. */
	DONE,

	/** Ended without results; the recording says why. */
	FAILED

}
