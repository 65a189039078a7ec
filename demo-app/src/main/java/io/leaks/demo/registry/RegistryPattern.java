package io.leaks.demo.registry;

import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.SequentialPattern;
import io.leaks.demo.pattern.Variant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each request registers a handler for its partner callback in a static registry, then the
 * callback arrives and is dispatched to it.
 */
@Component
@Order(6)
public class RegistryPattern extends SequentialPattern {

	public RegistryPattern() {
		super(new PatternInfo("registry", "Class-level handler registry", RequestHandler.class,
				"Each request registers a RequestHandler in a static map and never unregisters it, so the map keeps "
						+ "every handler and its request context for the life of the class",
				"The request unregisters its handler in a finally block once the callback is handled", 0));
	}

	@Override
	protected long runLeaking(long operation) {
		RequestHandler handler = new RequestHandler(route(Variant.LEAKING, operation));
		HandlerRegistry.register(handler);
		awaitCallback(handler);
		return 1;
	}

	@Override
	protected long runFixed(long operation) {
		RequestHandler handler = new RequestHandler(route(Variant.FIXED, operation));
		HandlerRegistry.register(handler);
		try {
			awaitCallback(handler);
		}
		finally {
			HandlerRegistry.unregister(handler);
		}
		return 1;
	}

	private static void awaitCallback(RequestHandler handler) {
		if (!HandlerRegistry.dispatch(handler.route(), "{\"status\":\"paid\"}") || !handler.wasCalled()) {
			throw new IllegalStateException("The callback for " + handler.route() + " found no handler");
		}
	}

	@Override
	public long retained(Variant variant) {
		return HandlerRegistry.countUnder(routePrefix(variant));
	}

	@Override
	public void reset() {
		HandlerRegistry.clear();
	}

	private static String route(Variant variant, long operation) {
		return routePrefix(variant) + operation;
	}

	private static String routePrefix(Variant variant) {
		return "/callbacks/" + variant.id() + "/";
	}

}
