package io.leaks.analysis;

/**
 * Where an analysis stands.
 */
public enum AnalysisStatus {

	/** Accepted, waiting for the analyzer. */
	QUEUED,

	/** The analyzer is working on it (see its step). */
	RUNNING,

	/** Finished with a result. */
	DONE,

	/** Finished without a result (see its reason). */
	FAILED;

	public boolean finished() {
		return this == DONE || this == FAILED;
	}

}
