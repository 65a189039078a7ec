package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.leaks.heapdump.HeapDump;
import io.leaks.jvm.MemoryReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * {@code /actuator/leaks}: the overview, and a router over the features' operations.
 * Actuator maps one operation per HTTP method and number of path segments, so each
 * operation here takes the sub-resource as its first selector and {@link LeaksResource}
 * routes it to the typed method of the feature's {@link LeaksOperations}. Refusals are
 * thrown as {@link LeaksOperationException}; {@link LeaksWebEndpointExtension} turns them
 * into HTTP statuses with a JSON message.
 * <p>
 * Read access is the default: anything that changes state or forces a collection needs
 * {@code management.endpoint.leaks.access=unrestricted}.
 */
@Endpoint(id = "leaks", defaultAccess = Access.READ_ONLY)
public class LeaksEndpoint {

	private final Access access;

	private final List<LeaksOperations> operations;

	/**
	 * Creates the endpoint.
	 * @param access the access granted to the endpoint, as actuator resolved it
	 * @param operations the operations of each feature that is on
	 */
	public LeaksEndpoint(Access access, List<? extends LeaksOperations> operations) {
		Assert.notNull(access, "'access' must not be null");
		Assert.notNull(operations, "'operations' must not be null");
		this.access = access;
		this.operations = List.copyOf(operations);
	}

	/**
	 * The access granted to this endpoint.
	 * @return the access level resolved from {@code management.endpoint.leaks.access}
	 */
	public Access access() {
		return this.access;
	}

	/**
	 * The resources this application serves: those whose feature is on.
	 * @return the resources, in the order of {@link LeaksResource}
	 */
	public List<LeaksResource> resources() {
		return Arrays.stream(LeaksResource.values())
			.filter((resource) -> operations(resource.operationsType()) != null)
			.toList();
	}

	@ReadOperation
	public LeaksOverview overview() {
		MemoryReport memory = MemoryReport.read();
		Optional<SnapshotOperations> snapshots = find(SnapshotOperations.class);
		LeaksOverview.Capabilities supports = new LeaksOverview.Capabilities(
				snapshots.map(SnapshotOperations::isAvailable).orElse(false),
				find(HeapDumpOperations.class).map(HeapDumpOperations::isAvailable).orElse(false),
				find(TuningOperations.class).map(TuningOperations::isAvailable).orElse(false),
				find(GcOperations.class).map(GcOperations::isExplicitGcHonoured).orElse(false), this.access.name());
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		LeaksOverview.Jvm jvm = new LeaksOverview.Jvm(runtime.getVmName(), runtime.getVmVendor(),
				System.getProperty("java.runtime.version", runtime.getVmVersion()), runtime.getUptime());
		return new LeaksOverview(memory.heap(), memory.nonHeap(), memory.pools(), memory.collectors(),
				memory.pendingFinalization(), snapshots.map(SnapshotOperations::labels).orElse(List.of()), supports,
				jvm);
	}

	@ReadOperation
	public Object resource(@Selector String resource, @Nullable String from, @Nullable String to,
			@Nullable String top, @Nullable String sort, @Nullable String excludeJdk, @Nullable String filter) {
		return route(Verb.GET, resource, null, readParameters(from, to, top, sort, excludeJdk, filter)).body();
	}

	@ReadOperation
	public Object item(@Selector String resource, @Selector String name, @Nullable String top) {
		return route(Verb.GET, resource, name, Parameters.of("top", top)).body();
	}

	@WriteOperation
	public Object action(@Selector String resource, @Nullable String label, @Nullable String liveOnly,
			@Nullable String live, @Nullable String flag, @Nullable String value, @Nullable String preset,
			@Nullable String from, @Nullable String to, @Nullable String top, @Nullable String sort,
			@Nullable String excludeJdk, @Nullable String filter, @Nullable String heapDump,
			@Nullable String classes, @Nullable String duration, @Nullable String oldObjects) {
		return route(Verb.POST, resource, null, writeParameters(label, liveOnly, live, flag, value, preset, from, to,
				top, sort, excludeJdk, filter, heapDump, classes, duration, oldObjects))
			.body();
	}

	@DeleteOperation
	public Object remove(@Selector String resource, @Selector String name) {
		return route(Verb.DELETE, resource, name, Parameters.none()).body();
	}

	static Parameters readParameters(@Nullable String from, @Nullable String to, @Nullable String top,
			@Nullable String sort, @Nullable String excludeJdk, @Nullable String filter) {
		return Parameters.of("from", from, "to", to, "top", top, "sort", sort, "excludeJdk", excludeJdk, "filter",
				filter);
	}

	static Parameters writeParameters(@Nullable String label, @Nullable String liveOnly, @Nullable String live,
			@Nullable String flag, @Nullable String value, @Nullable String preset, @Nullable String from,
			@Nullable String to, @Nullable String top, @Nullable String sort, @Nullable String excludeJdk,
			@Nullable String filter, @Nullable String heapDump, @Nullable String classes, @Nullable String duration,
			@Nullable String oldObjects) {
		return Parameters.of("label", label, "liveOnly", liveOnly, "live", live, "flag", flag, "value", value,
				"preset", preset, "from", from, "to", to, "top", top, "sort", sort, "excludeJdk", excludeJdk, "filter",
				filter, "heapDump", heapDump, "classes", classes, "duration", duration, "oldObjects", oldObjects);
	}

	/**
	 * Routes a request to the operations that serve it.
	 * @param verb the method
	 * @param resource the first path segment
	 * @param name the second, or {@code null}
	 * @param given the parameters the request gave
	 * @return the status of a success and the body
	 */
	Routes.Answer route(Verb verb, String resource, @Nullable String name, Parameters given) {
		LeaksResource target = LeaksResource.find(resource)
			.orElseThrow(() -> LeaksResource.unknown(verb + " /actuator/leaks/" + resource
					+ ((name != null) ? "/{name}" : "")));
		return target.dispatch(verb, name, given, this.access, this::operations);
	}

	/**
	 * The file of a heap dump to download, where downloads are allowed.
	 * @param name the dump's name
	 * @return the dump
	 */
	HeapDump heapDumpToDownload(String name) {
		return find(HeapDumpOperations.class).orElseThrow(LeaksResource.HEAPDUMPS::absent).download(name);
	}

	private <O> Optional<O> find(Class<O> type) {
		return Optional.ofNullable(type.cast(operations(type)));
	}

	private @Nullable LeaksOperations operations(Class<?> type) {
		for (LeaksOperations candidate : this.operations) {
			if (type.isInstance(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
