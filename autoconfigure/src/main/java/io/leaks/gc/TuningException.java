package io.leaks.gc;

/**
 * A tuning request that was refused, with a message saying why and what to do instead.
 */
public class TuningException extends RuntimeException {

	private final Reason reason;

	public TuningException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a tuning request was refused.
	 */
	public enum Reason {

		/** The request itself is wrong: missing or unknown flag or preset, bad value. */
		INVALID,

		/** The flag exists but cannot (or may not) change while the JVM runs. */
		NOT_CHANGEABLE,

		/** The JVM refused a value; everything applied before it was rolled back. */
		REJECTED,

		/** This JVM does not let its flags be read or written at runtime. */
		UNAVAILABLE

	}

}
