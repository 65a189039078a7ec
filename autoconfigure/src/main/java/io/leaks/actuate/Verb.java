package io.leaks.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;

/**
 * The HTTP methods the endpoint's operations map to ({@code @ReadOperation} is GET,
 * {@code @WriteOperation} POST, {@code @DeleteOperation} DELETE).
 */
enum Verb {

	GET, POST, DELETE;

	/**
	 * The verb of an HTTP method; HEAD is answered as GET, as Spring MVC does.
	 * @param method the request's method
	 * @return the verb, or {@code null} for a method no operation maps to (PUT, PATCH, ...)
	 */
	static @Nullable Verb of(String method) {
		return switch (method) {
			case "GET", "HEAD" -> GET;
			case "POST" -> POST;
			case "DELETE" -> DELETE;
			default -> null;
		};
	}

	/**
	 * Whether the access lets a caller use this method: anything but a read changes state
	 * or forces a collection, so it needs unrestricted access.
	 */
	boolean allowedWith(Access access) {
		return (this == GET) ? access != Access.NONE : access == Access.UNRESTRICTED;
	}

}
