package io.leaks.actuate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.leaks.histogram.SnapshotLabels;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;

/**
 * The sub-resources of {@code /actuator/leaks} and their routes: the one table that
 * dispatches requests to each feature's operations, words the 404 and 405 answers and
 * lists what exists. A feature adds its resource here (one constant naming its
 * operations class, its methods and their parameters) and its {@link LeaksOperations}
 * class; a parameter name no route used before is also declared on the operation methods
 * of {@link LeaksEndpoint} and {@link LeaksWebEndpointExtension}, since actuator binds
 * parameters by name. A POST route that takes {@code classes} may be sent them as a JSON
 * array ({@link ClassListBodyAdvice}).
 */
public enum LeaksResource {

	/** Labelled class-histogram snapshots. */
	SNAPSHOTS("snapshots", "label", Routes.of(SnapshotOperations.class)
		.get((snapshots, given) -> snapshots.list())
		.getItem((snapshots, label, given) -> snapshots.detail(label, given.top()), "top")
		.post(201, (snapshots, given) -> snapshots.take(given.text("label"), given.bool("liveOnly", true)), "label",
				"liveOnly")
		.deleteItem((snapshots, label, given) -> snapshots.delete(label))),

	/**
	 * What grew between two snapshots; a POST may compare with the heap now, which walks the
	 * heap (and forces a collection when the snapshot counted live objects only).
	 */
	COMPARE("compare", null, Routes.of(SnapshotOperations.class)
		.get((snapshots, given) -> snapshots.compare(CompareRequest.of(given, null)), CompareRequest.PARAMETERS)
		.post(200, (snapshots, given) -> snapshots.compareWithNow(CompareRequest.of(given, SnapshotLabels.NOW)),
				CompareRequest.PARAMETERS)),

	/** A collection on request. */
	GC("gc", null, Routes.of(GcOperations.class).post(200, (gc, given) -> gc.collect())),

	/** Heap dumps in the dump directory. */
	HEAPDUMPS("heapdumps", "name", Routes.of(HeapDumpOperations.class)
		.whenAbsent(503, "Heap dumps are not configured in this application")
		.get((dumps, given) -> dumps.list())
		.getItem((dumps, name, given) -> dumps.describe(name))
		.post(201, (dumps, given) -> dumps.dump(given.text("label"), given.bool("live", true)), "label", "live")
		.deleteItem((dumps, name, given) -> dumps.delete(name))),

	/**
	 * Analyses of heap dumps in a JVM of their own: who holds the suspects, or which
	 * owners grew between two dumps. A POST answers 202 at once with the analysis's id.
	 */
	ANALYSES("analyses", "id", Routes.of(AnalysisOperations.class)
		.whenAbsent(503, AnalysisOperations.OFF)
		.get((analyses, given) -> analyses.list())
		.getItem((analyses, id, given) -> analyses.get(id))
		.post(202, (analyses, given) -> analyses.start(given.text("heapDump"), given.text("from"), given.text("to"),
				given.text("classes")), "heapDump", "classes", "from", "to")
		.deleteItem((analyses, id, given) -> analyses.delete(id))),

	/** Manageable VM flags and presets. */
	TUNING("tuning", null, Routes.of(TuningOperations.class)
		.whenAbsent(503, "GC tuning is not configured in this application")
		.get((tuning, given) -> tuning.view())
		.post(200, (tuning, given) -> tuning.change(given.text("flag"), given.text("value"), given.text("preset")),
				"flag", "value", "preset")),

	/** The trend analysis' verdicts. */
	TREND("trend", null, Routes.of(TrendOperations.class)
		.whenAbsent(404, TrendOperations.OFF)
		.get((trend, given) -> trend.trend())),

	/** The recorded series, for charts. */
	HISTORY("history", null, Routes.of(TrendOperations.class)
		.whenAbsent(404, TrendOperations.OFF)
		.get((trend, given) -> trend.history())),

	/** Allocation recordings with JFR: allocation sites and what keeps sampled objects alive. */
	ALLOCATIONS("allocations", "id", Routes.of(AllocationOperations.class)
		.whenAbsent(503, AllocationOperations.OFF)
		.get((allocations, given) -> allocations.list())
		.getItem((allocations, id, given) -> allocations.detail(id))
		.post(202, (allocations, given) -> allocations.start(given.text("duration"), given.text("classes"),
				given.bool("oldObjects", true)), "duration", "classes", "oldObjects")
		.deleteItem((allocations, id, given) -> allocations.delete(id)));

	private final String path;

	private final String itemName;

	private final Routes<?> routes;

	LeaksResource(String path, @Nullable String itemName, Routes<?> routes) {
		this.path = path;
		this.itemName = (itemName != null) ? itemName : "name";
		this.routes = routes;
	}

	/**
	 * The path segment under the endpoint.
	 * @return for example {@code snapshots}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The operations class that serves this resource.
	 * @return the class
	 */
	public Class<? extends LeaksOperations> operationsType() {
		return this.routes.type();
	}

	/**
	 * The refusal while the feature that serves this resource is off.
	 * @return the refusal
	 */
	LeaksOperationException absent() {
		return this.routes.absent();
	}

	static Optional<LeaksResource> find(String path) {
		return Arrays.stream(values()).filter((resource) -> resource.path.equals(path)).findFirst();
	}

	/**
	 * Whether the route for a method on this resource itself takes a parameter.
	 * @param verb the method
	 * @param parameter the parameter's name
	 * @return {@code false} also when the resource does not answer the method
	 */
	boolean takes(Verb verb, String parameter) {
		return this.routes.find(verb, false).map((route) -> route.parameters().contains(parameter)).orElse(false);
	}

	/**
	 * The methods this resource, or one of its items, answers with the given access.
	 * @param item whether for an item ({@code /resource/{name}})
	 * @param access the endpoint's access
	 * @return the methods, in the order of the table
	 */
	List<Verb> allowed(boolean item, Access access) {
		return this.routes.all()
			.stream()
			.filter((route) -> route.item() == item && route.verb().allowedWith(access))
			.map(Routes.Route::verb)
			.toList();
	}

	/**
	 * Answers a request to this resource.
	 * @param verb the method
	 * @param name the item's name, or {@code null} for the resource itself
	 * @param given the parameters the request gave
	 * @param access the endpoint's access, for the wording of a 405
	 * @param operations finds the application's operations of a type, or {@code null}
	 * @return the status of a success and the body
	 * @throws LeaksOperationException 405 for a method this resource does not answer, 400
	 * for a parameter the route does not take, or whatever the operation refuses
	 */
	Routes.Answer dispatch(Verb verb, @Nullable String name, Parameters given, Access access,
			Function<Class<?>, @Nullable LeaksOperations> operations) {
		boolean item = name != null;
		Routes.Route<?> route = this.routes.find(verb, item)
			.orElseThrow(() -> methodNotAllowed(verb.name(), item, access));
		route.acceptOnly(describe(route, ""), given.names());
		return this.routes.invoke(route, operations, name, given);
	}

	/**
	 * Checks a request before it reaches an operation: its method, under the access
	 * actuator grants, and the names of its parameters, which actuator would otherwise
	 * drop silently when no operation declares them ({@code sortBy=instances}).
	 * @param method the HTTP method
	 * @param item whether an item was asked for
	 * @param access the endpoint's access
	 * @param names the names of the parameters the request gave
	 * @throws LeaksOperationException 404, 405 or 400 saying what exists
	 */
	void check(String method, boolean item, Access access, Set<String> names) {
		Verb verb = Verb.of(method);
		Routes.Route<?> route = (verb != null) ? this.routes.find(verb, item).orElse(null) : null;
		if (route == null || !route.verb().allowedWith(access)) {
			throw methodNotAllowed(method, item, access);
		}
		route.acceptOnly(describe(route, ""), names);
	}

	/**
	 * Refuses a method this resource does not answer: 405 naming the ones it does, or 404
	 * when the path has no route at all ({@code /trend/{name}}).
	 * @param verb the HTTP method asked for
	 * @param item whether an item was asked for
	 * @param access the endpoint's access
	 * @return the refusal, with the methods for an {@code Allow} header
	 */
	LeaksOperationException methodNotAllowed(String verb, boolean item, Access access) {
		String target = this.path + (item ? "/{" + this.itemName + "}" : "");
		List<Verb> existing = this.routes.all()
			.stream()
			.filter((route) -> route.item() == item)
			.map(Routes.Route::verb)
			.toList();
		if (existing.isEmpty()) {
			return unknown(verb + " /actuator/leaks/" + target);
		}
		List<Verb> allowed = allowed(item, access);
		String message;
		if (allowed.isEmpty()) {
			message = target + " answers only " + names(existing) + ", which changes state or forces a collection and "
					+ "needs write access: set management.endpoint.leaks.access=unrestricted (and secure the endpoint)";
		}
		else {
			message = verb + " is not supported on " + target + ": it answers " + names(allowed)
					+ (allowed.size() < existing.size() ? " (and, with management.endpoint.leaks.access=unrestricted, "
							+ names(existing.stream().filter((v) -> !allowed.contains(v)).toList()) + ")" : "");
		}
		return LeaksOperationException.methodNotAllowed(message, allowed.stream().map(Verb::name).toList());
	}

	/**
	 * Refuses a path that does not exist, listing those that do.
	 * @param request the method and path asked for
	 * @return the refusal
	 */
	static LeaksOperationException unknown(String request) {
		return LeaksOperationException.notFound("No " + request + ". Available: " + describeAll(""));
	}

	/**
	 * Every route of the endpoint, for the messages that list what exists.
	 * @param prefix written before each resource's path: empty, or the endpoint's path and
	 * a slash
	 * @return for example {@code GET snapshots, GET snapshots/{label}, POST snapshots, ...}
	 */
	static String describeAll(String prefix) {
		return Arrays.stream(values())
			.flatMap((resource) -> resource.routes.all().stream().map((route) -> resource.describe(route, prefix)))
			.collect(Collectors.joining(", "));
	}

	private String describe(Routes.Route<?> route, String prefix) {
		return route.verb() + " " + prefix + this.path + (route.item() ? "/{" + this.itemName + "}" : "");
	}

	private static String names(List<Verb> verbs) {
		return verbs.stream().map(Verb::name).collect(Collectors.joining(", "));
	}

}
