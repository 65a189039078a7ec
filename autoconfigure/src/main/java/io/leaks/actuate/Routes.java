package io.leaks.actuate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The routes of one {@link LeaksResource}, each bound to a typed method of the feature's
 * operations class {@code O}: which methods it answers, on the resource itself or on one
 * of its items, which parameters each takes and the status of a success. Built once, when
 * the enum is initialised.
 *
 * @param <O> the operations class that serves the resource
 */
final class Routes<O extends LeaksOperations> {

	private final Class<O> type;

	private final List<Route<O>> routes = new ArrayList<>();

	private int absentStatus = 503;

	private @Nullable String absentMessage;

	private Routes(Class<O> type) {
		this.type = type;
	}

	static <O extends LeaksOperations> Routes<O> of(Class<O> type) {
		return new Routes<>(type);
	}

	Routes<O> get(Handler<O> handler, String... parameters) {
		return add(Verb.GET, false, 200, handler, parameters);
	}

	Routes<O> getItem(ItemHandler<O> handler, String... parameters) {
		return add(Verb.GET, true, 200, handler, parameters);
	}

	Routes<O> post(int status, Handler<O> handler, String... parameters) {
		return add(Verb.POST, false, status, handler, parameters);
	}

	Routes<O> deleteItem(ItemHandler<O> handler) {
		return add(Verb.DELETE, true, 200, handler);
	}

	/**
	 * What to answer when the application has no operations of this type (the feature is
	 * off or not configured); 503 saying it is not configured unless told otherwise.
	 */
	Routes<O> whenAbsent(int status, String message) {
		this.absentStatus = status;
		this.absentMessage = message;
		return this;
	}

	private Routes<O> add(Verb verb, boolean item, int status, Object handler, String... parameters) {
		this.routes.add(new Route<>(verb, item, List.of(parameters), status, handler));
		return this;
	}

	LeaksOperationException absent() {
		return new LeaksOperationException(this.absentStatus, (this.absentMessage != null) ? this.absentMessage
				: "This operation is not configured in this application");
	}

	Class<O> type() {
		return this.type;
	}

	List<Route<O>> all() {
		return this.routes;
	}

	Optional<Route<O>> find(Verb verb, boolean item) {
		return this.routes.stream().filter((route) -> route.verb() == verb && route.item() == item).findFirst();
	}

	/**
	 * Runs a route on the operations that serve it.
	 * @param route one of these routes
	 * @param operations finds the application's operations of a type, or {@code null}
	 * @param name the item's name for an item route
	 * @param parameters the given parameters, already checked against the route
	 * @return the status of a success and the body
	 */
	Answer invoke(Route<?> route, Function<Class<?>, @Nullable LeaksOperations> operations, @Nullable String name,
			Parameters parameters) {
		LeaksOperations found = operations.apply(this.type);
		if (found == null) {
			throw absent();
		}
		O typed = this.type.cast(found);
		Object body = (route.handler() instanceof ItemHandler<?> item) ? ((ItemHandler<O>) item).handle(typed,
				String.valueOf(name), parameters) : ((Handler<O>) route.handler()).handle(typed, parameters);
		return new Answer(route.status(), body);
	}

	/**
	 * Serves a route on the resource itself.
	 *
	 * @param <O> the operations class
	 */
	@FunctionalInterface
	interface Handler<O> {

		Object handle(O operations, Parameters parameters);

	}

	/**
	 * Serves a route on one item of the resource ({@code /snapshots/{label}}).
	 *
	 * @param <O> the operations class
	 */
	@FunctionalInterface
	interface ItemHandler<O> {

		Object handle(O operations, String name, Parameters parameters);

	}

	/**
	 * One method on the resource or on its items.
	 *
	 * @param <O> the operations class
	 * @param verb the HTTP method
	 * @param item whether it acts on an item ({@code /resource/{name}}) rather than the
	 * resource
	 * @param parameters the parameters it takes
	 * @param status the status of a success
	 * @param handler a {@link Handler} or, for an item, an {@link ItemHandler}
	 */
	record Route<O>(Verb verb, boolean item, List<String> parameters, int status, Object handler) {

		/**
		 * Refuses parameters this route does not take rather than ignoring them, so that
		 * {@code "live": false} sent to snapshots (where it is {@code liveOnly}) cannot
		 * silently cost a full GC, nor {@code sortBy=instances} silently sort by bytes.
		 * @param operation the route as the caller wrote it, for the message
		 * @param given the names the request gave
		 */
		void acceptOnly(String operation, Set<String> given) {
			Set<String> foreign = new HashSet<>(given);
			this.parameters.forEach(foreign::remove);
			if (foreign.isEmpty()) {
				return;
			}
			List<String> names = given.stream().filter(foreign::contains).toList();
			boolean liveMixUp = foreign.contains("live") || foreign.contains("liveOnly");
			throw LeaksOperationException.badRequest(operation + " does not take " + String.join(", ", names)
					+ (this.parameters.isEmpty() ? "; send it without parameters"
							: "; it takes " + String.join(", ", this.parameters))
					+ (liveMixUp ? " (snapshots take liveOnly, heap dumps take live)" : ""));
		}

	}

	/**
	 * A successful answer: its status on the web, and the body.
	 *
	 * @param status the HTTP status
	 * @param body the response body
	 */
	record Answer(int status, Object body) {

	}

}
