package io.leaks.actuate;

import org.springframework.boot.actuate.endpoint.Access;

/**
 * The HTTP methods the endpoint's operations map to ({@code @ReadOperation} is GET,
 * {@code @WriteOperation} POST, {@code @DeleteOperation} DELETE).
 */
enum Verb {

	GET, POST, DELETE;

	/**
	 * Whether the access lets a caller use this method: anything but a read changes state
	 * or forces a collection, so it needs unrestricted access.
	 */
	boolean allowedWith(Access access) {
		return (this == GET) ? access != Access.NONE : access == Access.UNRESTRICTED;
	}

}
