package io.leaks.demo.registry;

/**
 * Handles the callback a partner sends back for one request (a payment confirmation, say),
 * holding the request's context until then.
 */
public final class RequestHandler {

	/** Size of the request context: a few KB per request. */
	static final int CONTEXT_BYTES = 2048;

	private final String route;

	private final byte[] requestContext = new byte[CONTEXT_BYTES];

	private volatile boolean called;

	RequestHandler(String route) {
		this.route = route;
	}

	String route() {
		return this.route;
	}

	void handle(String callback) {
		this.called = !callback.isEmpty();
	}

	boolean wasCalled() {
		return this.called;
	}

}
