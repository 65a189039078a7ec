package io.leaks.histogram;

/**
 * Thrown when the JVM cannot produce a class histogram, for example on a JVM without
 * HotSpot's DiagnosticCommand MBean.
 */
public class HistogramUnavailableException extends RuntimeException {

	public HistogramUnavailableException(String message) {
		super(message);
	}

	public HistogramUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
