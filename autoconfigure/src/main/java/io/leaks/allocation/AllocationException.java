package io.leaks.allocation;

/**
 * A recording request that was refused, with why and what to do about it.
 */
public class AllocationException extends RuntimeException {

	private final Reason reason;

	public AllocationException(Reason reason, String message) {
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

		/** A duration, class name or id that cannot be used. */
		INVALID,

		/** No recording with that id is kept. */
		NOT_FOUND,

		/** Another recording is running: they run one at a time. */
		BUSY,

		/** This JVM cannot record what was asked for (no JFR, or old objects under ZGC). */
		UNAVAILABLE

	}

}
