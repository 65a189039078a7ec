package io.leaks.actuate;

/**
 * A request the endpoint refuses, with the HTTP status it maps to and a message that says
 * what was wrong and how to fix it. Over JMX the message is what the caller sees.
 */
public class LeaksOperationException extends RuntimeException {

	private final int status;

	public LeaksOperationException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return this.status;
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
