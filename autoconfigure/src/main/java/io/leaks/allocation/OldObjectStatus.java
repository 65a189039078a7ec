package io.leaks.allocation;

/**
 * What became of the old-object samples of a recording.
 */
public enum OldObjectStatus {

	/** Asked for; read when the recording ends. */
	PENDING,

	/** Read at the end of the recording. */
	RECORDED,

	/** Not asked for. */
	OFF,

	/** Asked for but not read; the recording says why. */
	SKIPPED

}
