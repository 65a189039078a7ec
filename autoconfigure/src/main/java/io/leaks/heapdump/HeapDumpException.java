package io.leaks.heapdump;

/**
 * A heap dump request that was refused or failed, with why and what to do about it.
 */
public class HeapDumpException extends RuntimeException {

	private final Reason reason;

	public HeapDumpException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public HeapDumpException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a request was refused.
	 */
	public enum Reason {

		/** The label cannot be used in a name (path characters, control characters, too long). */
		INVALID_LABEL,

		/** The name is not one this starter generates. */
		INVALID_NAME,

		/** No dump of that name exists in the directory. */
		NOT_FOUND,

		/** Another dump is being written. */
		BUSY,

		/** Not enough free disk space for the expected size plus the safety margin. */
		INSUFFICIENT_SPACE,

		/** This JVM cannot dump its heap, or the directory cannot be used safely. */
		UNAVAILABLE,

		/** The JVM started the dump but could not finish it. */
		FAILED

	}

}
