package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import io.leaks.gc.GcTrigger;
import io.leaks.histogram.DiffSort;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.HistogramUnavailableException;
import io.leaks.histogram.SnapshotLabels;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import io.leaks.jvm.HotSpotMBeans;
import io.leaks.jvm.MemoryReport;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.LeakWatch;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * {@code /actuator/leaks}: labelled class-histogram snapshots and their diffs, and GC on
 * request. Actuator maps one operation per HTTP method and number of path segments, so
 * the sub-resources ({@code snapshots}, {@code compare}, {@code gc}, {@code trend},
 * {@code history}) are dispatched here
 * from the first path segment. Refusals are thrown as {@link LeaksOperationException};
 * {@link LeaksWebEndpointExtension} turns them into HTTP statuses with a JSON message.
 * <p>
 * Read access is the default: anything that changes state or forces a collection needs
 * {@code management.endpoint.leaks.access=unrestricted}.
 */
@Endpoint(id = "leaks", defaultAccess = Access.READ_ONLY)
public class LeaksEndpoint {

	static final int DEFAULT_TOP = 20;

	private final Snapshots snapshots;

	private final GcTrigger gcTrigger;

	private final Access access;

	private final @Nullable LeakWatch watch;

	private final @Nullable GcEventRecorder recorder;

	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access) {
		this(snapshots, gcTrigger, access, null, null);
	}

	/**
	 * Creates the endpoint with the trend analysis.
	 * @param snapshots takes and keeps snapshots
	 * @param gcTrigger collects garbage on request
	 * @param access the access granted to the endpoint
	 * @param watch the trend analysis, or {@code null} when it is off
	 * @param recorder the recorded collections, or {@code null} when the analysis is off
	 */
	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access, @Nullable LeakWatch watch,
			@Nullable GcEventRecorder recorder) {
		Assert.notNull(snapshots, "'snapshots' must not be null");
		Assert.notNull(gcTrigger, "'gcTrigger' must not be null");
		Assert.notNull(access, "'access' must not be null");
		this.snapshots = snapshots;
		this.gcTrigger = gcTrigger;
		this.access = access;
		this.watch = watch;
		this.recorder = recorder;
	}

	@ReadOperation
	public LeaksOverview overview() {
		MemoryReport memory = MemoryReport.read();
		var server = ManagementFactory.getPlatformMBeanServer();
		LeaksOverview.Capabilities supports = new LeaksOverview.Capabilities(this.snapshots.isAvailable(),
				HotSpotMBeans.hasOperation(server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "dumpHeap"),
				HotSpotMBeans.hasOperation(server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "setVMOption"),
				!this.gcTrigger.isExplicitGcDisabled(), this.access.name());
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		LeaksOverview.Jvm jvm = new LeaksOverview.Jvm(runtime.getVmName(), runtime.getVmVendor(),
				System.getProperty("java.runtime.version", runtime.getVmVersion()), runtime.getUptime());
		return new LeaksOverview(memory.heap(), memory.nonHeap(), memory.pools(), memory.collectors(),
				memory.pendingFinalization(), store().labels(), supports, jvm);
	}

	@ReadOperation
	public Object resource(@Selector String resource, @Nullable String from, @Nullable String to,
			@Nullable String top, @Nullable String sort, @Nullable String excludeJdk) {
		return switch (resource) {
			case "snapshots" -> listSnapshots();
			case "compare" -> compare(from, to, top, sort, excludeJdk);
			case "trend" -> TrendResponse.of(watch());
			case "history" -> HistoryResponse.of(watch(),
					(this.recorder != null) ? this.recorder.events() : List.of());
			default -> throw unknownResource(resource, "GET");
		};
	}

	@ReadOperation
	public Object item(@Selector String resource, @Selector String name, @Nullable String top) {
		return switch (resource) {
			case "snapshots" -> snapshot(name, RequestParameters.top(top, DEFAULT_TOP));
			default -> throw unknownResource(resource + "/{name}", "GET");
		};
	}

	@WriteOperation
	public Object action(@Selector String resource, @Nullable String label, @Nullable String liveOnly) {
		return switch (resource) {
			case "snapshots" -> takeSnapshot(label, RequestParameters.bool("liveOnly", liveOnly, true));
			case "gc" -> collectGarbage();
			default -> throw unknownResource(resource, "POST");
		};
	}

	@DeleteOperation
	public Object remove(@Selector String resource, @Selector String name) {
		return switch (resource) {
			case "snapshots" -> deleteSnapshot(name);
			default -> throw unknownResource(resource + "/{name}", "DELETE");
		};
	}

	private SnapshotList listSnapshots() {
		List<SnapshotSummary> summaries = store().list()
			.stream()
			.map((snapshot) -> SnapshotSummary.of(snapshot, List.of()))
			.toList();
		return new SnapshotList(summaries, store().maxCount());
	}

	private SnapshotDetail snapshot(String label, int top) {
		HistogramSnapshot snapshot = stored(label);
		List<SnapshotDetail.ClassRow> rows = snapshot.histogram()
			.top(top)
			.stream()
			.map(SnapshotDetail.ClassRow::of)
			.toList();
		return new SnapshotDetail(snapshot.label(), snapshot.takenAt(), snapshot.liveOnly(),
				snapshot.histogram().classCount(), snapshot.histogram().totalInstances(),
				snapshot.histogram().totalBytes(), top, rows);
	}

	private SnapshotSummary takeSnapshot(@Nullable String label, boolean liveOnly) {
		String problem = SnapshotLabels.problem(label);
		if (problem != null) {
			throw LeaksOperationException.badRequest(problem);
		}
		if (store().contains(label)) {
			throw labelTaken(label);
		}
		Snapshots.Taken taken = guarded(() -> this.snapshots.take(label, liveOnly));
		if (!taken.result().added()) {
			throw labelTaken(label);
		}
		return SnapshotSummary.of(taken.snapshot(), taken.result().evicted());
	}

	private Deleted deleteSnapshot(String label) {
		HistogramSnapshot removed = store().remove(label).orElseThrow(() -> unknownSnapshot(label));
		return new Deleted(removed.label(), "Snapshot '" + removed.label() + "' deleted");
	}

	private Comparison compare(@Nullable String fromLabel, @Nullable String toLabel, @Nullable String topValue,
			@Nullable String sortValue, @Nullable String excludeJdkValue) {
		int top = RequestParameters.top(topValue, DEFAULT_TOP);
		DiffSort sort = DiffSort.BYTES;
		if (sortValue != null && !sortValue.isBlank()) {
			sort = DiffSort.parse(sortValue);
			if (sort == null) {
				throw LeaksOperationException
					.badRequest("sort must be 'bytes' or 'instances', was '" + sortValue + "'");
			}
		}
		boolean excludeJdk = RequestParameters.bool("excludeJdk", excludeJdkValue, false);
		List<String> warnings = new ArrayList<>();
		HistogramSnapshot from;
		HistogramSnapshot to;
		if (SnapshotLabels.NOW.equalsIgnoreCase(String.valueOf(toLabel))) {
			from = (fromLabel != null) ? stored(fromLabel) : store().latest()
				.orElseThrow(() -> LeaksOperationException.badRequest(
						"compare?to=now needs a snapshot to compare with: take one with POST /actuator/leaks/snapshots "
								+ "or name it with from=<label>"));
			to = freshSnapshot(from.liveOnly());
		}
		else {
			to = (toLabel != null) ? stored(toLabel) : store().latest()
				.orElseThrow(() -> LeaksOperationException.badRequest(
						"No snapshots yet: take two with POST /actuator/leaks/snapshots, then compare them"));
			from = (fromLabel != null) ? stored(fromLabel) : store().before(to.label())
				.orElseThrow(() -> LeaksOperationException.badRequest("No snapshot was taken before '" + to.label()
						+ "': name one with from=<label>, or use to=now to compare it with the heap now"));
		}
		if (from.label().equals(to.label())) {
			throw LeaksOperationException
				.badRequest("from and to are both '" + from.label() + "': compare two different snapshots");
		}
		if (from.liveOnly() != to.liveOnly()) {
			warnings.add("'" + from.label() + "' counted " + (from.liveOnly() ? "live objects only" : "all objects")
					+ " but '" + to.label() + "' counted " + (to.liveOnly() ? "live objects only" : "all objects")
					+ ": differences include garbage not yet collected");
		}
		else if (!from.liveOnly()) {
			warnings.add("Both snapshots counted all objects (liveOnly=false): growth may be garbage not yet collected");
		}
		if (from.takenAt().isAfter(to.takenAt())) {
			warnings.add("'" + from.label() + "' was taken after '" + to.label() + "': negative deltas mean growth");
		}
		HistogramDiff diff = HistogramDiff.between(from.histogram(), to.histogram());
		List<Comparison.Row> rows = diff.top(sort, top, excludeJdk).stream().map(Comparison.Row::of).toList();
		return new Comparison(from.label(), to.label(), from.takenAt(), to.takenAt(), sort.id(), top, excludeJdk, rows,
				diff.totals(), diff.classesAdded(), diff.classesRemoved(), warnings);
	}

	private HistogramSnapshot freshSnapshot(boolean liveOnly) {
		if (liveOnly && this.access != Access.UNRESTRICTED) {
			throw LeaksOperationException.forbidden("compare?to=now against a live snapshot forces a full GC, which "
					+ "read-only access does not allow: set management.endpoint.leaks.access=unrestricted, or take "
					+ "the second snapshot with POST /actuator/leaks/snapshots and compare two stored snapshots");
		}
		return guarded(() -> this.snapshots.capture(SnapshotLabels.NOW, liveOnly));
	}

	private GcResult collectGarbage() {
		return GcResult.of(guarded(this.gcTrigger::collect));
	}

	private <T> T guarded(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (CollectionInProgressException ex) {
			throw LeaksOperationException.tooManyRequests(ex.getMessage());
		}
		catch (HistogramUnavailableException ex) {
			throw LeaksOperationException.unavailable(ex.getMessage());
		}
	}

	private LeakWatch watch() {
		if (this.watch == null) {
			throw LeaksOperationException.notFound("The trend analysis is off: it needs leaks.trend.enabled=true "
					+ "(the default) and leaks.enabled=true");
		}
		return this.watch;
	}

	private HistogramSnapshot stored(String label) {
		return store().get(label).orElseThrow(() -> unknownSnapshot(label));
	}

	private SnapshotStore store() {
		return this.snapshots.store();
	}

	private LeaksOperationException unknownSnapshot(String label) {
		List<String> labels = store().labels();
		return LeaksOperationException.notFound("No snapshot labelled '" + label + "'. "
				+ (labels.isEmpty() ? "None taken yet: POST /actuator/leaks/snapshots with {\"label\": \"...\"}"
						: "Known labels: " + String.join(", ", labels)));
	}

	private LeaksOperationException labelTaken(String label) {
		return LeaksOperationException.conflict("A snapshot labelled '" + label
				+ "' already exists: choose another label or DELETE /actuator/leaks/snapshots/" + label + " first");
	}

	private static LeaksOperationException unknownResource(String resource, String method) {
		return LeaksOperationException.notFound("No " + method + " /actuator/leaks/" + resource
				+ ". Available: GET snapshots, GET snapshots/{label}, GET compare, GET trend, GET history, "
				+ "POST snapshots, POST gc, DELETE snapshots/{label}");
	}

}
