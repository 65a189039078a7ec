package io.leaks.actuate;

import java.util.List;

/**
 * A request the endpoint refuses, with the HTTP status it maps to and a message that says
 * what was wrong and how to fix it. Over JMX the message is what the caller sees.
 */
public class LeaksOperationException extends RuntimeException {

	private final int status;

	private final List<String> allow;

	public LeaksOperationException(int status, String message) {
		this(status, message, List.of());
	}

	private LeaksOperationException(int status, String message, List<String> allow) {
		super(message);
		this.status = status;
		this.allow = allow;
	}

	public int status() {
		return this.status;
	}

	/**
	 * The methods the target does answer, for the {@code Allow} header of a 405.
	 * @return the method names, empty unless the status is 405
	 */
	public List<String> allow() {
		return this.allow;
	}

	static LeaksOperationException badRequest(String message) {
		return new LeaksOperationException(400, message);
	}

	static LeaksOperationException forbidden(String message) {
		return new LeaksOperationException(403, message);
	}

	static LeaksOperationException notFound(String message) {
		return new LeaksOperationException(404, message);
	}

	static LeaksOperationException methodNotAllowed(String message, List<String> allow) {
		return new LeaksOperationException(405, message, List.copyOf(allow));
	}

	static LeaksOperationException conflict(String message) {
		return new LeaksOperationException(409, message);
	}

	static LeaksOperationException tooManyRequests(String message) {
		return new LeaksOperationException(429, message);
	}

	static LeaksOperationException unavailable(String message) {
		return new LeaksOperationException(503, message);
	}

}
