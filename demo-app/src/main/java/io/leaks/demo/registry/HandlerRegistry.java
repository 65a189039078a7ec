package io.leaks.demo.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class-level map from callback route to handler, shared by every request. Being static,
 * it lives as long as its class: whatever is registered and not unregistered stays.
 */
final class HandlerRegistry {

	private static final Map<String, RequestHandler> HANDLERS = new ConcurrentHashMap<>();

	private HandlerRegistry() {
	}

	static void register(RequestHandler handler) {
		HANDLERS.put(handler.route(), handler);
	}

	static void unregister(RequestHandler handler) {
		HANDLERS.remove(handler.route(), handler);
	}

	/**
	 * Hands a callback to the handler registered for its route.
	 * @param route where the callback was sent
	 * @param callback the callback's body
	 * @return whether a handler took it
	 */
	static boolean dispatch(String route, String callback) {
		RequestHandler handler = HANDLERS.get(route);
		if (handler == null) {
			return false;
		}
		handler.handle(callback);
		return true;
	}

	static long countUnder(String routePrefix) {
		return HANDLERS.keySet().stream().filter((route) -> route.startsWith(routePrefix)).count();
	}

	static void clear() {
		HANDLERS.clear();
	}

}
