package io.leaks.analysis;

/**
 * An analysis request that cannot be carried out, and why.
 */
public class AnalysisException extends RuntimeException {

	private final Reason reason;

	public AnalysisException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a request was refused.
	 */
	public enum Reason {

		/** The request names something invalid. */
		INVALID,

		/** The analysis or dump named does not exist. */
		NOT_FOUND,

		/** Another analysis is queued or running: one at a time. */
		BUSY,

		/** Analysis is not possible here (no dump directory, unreadable results). */
		UNAVAILABLE

	}

}
