package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.leaks.analysis.Analyses;
import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import io.leaks.gc.GcTrigger;
import io.leaks.gc.GcTuning;
import io.leaks.gc.TuningException;
import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpException;
import io.leaks.heapdump.HeapDumps;
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
 * the sub-resources ({@code snapshots}, {@code compare}, {@code gc}, {@code heapdumps},
 * {@code tuning}, {@code trend}, {@code history}) are dispatched here from the first path
 * segment. Refusals are thrown as {@link LeaksOperationException};
 * {@link LeaksWebEndpointExtension} turns them into HTTP statuses with a JSON message.
 * <p>
 * Read access is the default: anything that changes state or forces a collection needs
 * {@code management.endpoint.leaks.access=unrestricted}.
 */
@Endpoint(id = "leaks", defaultAccess = Access.READ_ONLY)
public class LeaksEndpoint {

	static final int DEFAULT_TOP = 20;

	static final String HEAPDUMPS = "heapdumps";

	static final String TUNING = "tuning";

	static final String ANALYSES = "analyses";

	private final Snapshots snapshots;

	private final GcTrigger gcTrigger;

	private final Access access;

	private final @Nullable HeapDumps heapDumps;

	private final @Nullable GcTuning gcTuning;

	private final Supplier<Map<String, Object>> settings;

	private final @Nullable LeakWatch watch;

	private final @Nullable GcEventRecorder recorder;

	private final AnalysisOperations analyses;

	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access) {
		this(snapshots, gcTrigger, access, null, null, Map::of);
	}

	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access, @Nullable HeapDumps heapDumps,
			@Nullable GcTuning gcTuning, Supplier<Map<String, Object>> settings) {
		this(snapshots, gcTrigger, access, heapDumps, gcTuning, settings, null, null);
	}

	/**
	 * Creates the endpoint with the trend analysis.
	 * @param snapshots takes and keeps snapshots
	 * @param gcTrigger collects garbage on request
	 * @param access the access granted to the endpoint
	 * @param heapDumps writes and keeps heap dumps, or {@code null}
	 * @param gcTuning reads and changes VM flags, or {@code null}
	 * @param settings the starter's settings, for the tuning view
	 * @param watch the trend analysis, or {@code null} when it is off
	 * @param recorder the recorded collections, or {@code null} when the analysis is off
	 */
	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access, @Nullable HeapDumps heapDumps,
			@Nullable GcTuning gcTuning, Supplier<Map<String, Object>> settings, @Nullable LeakWatch watch,
			@Nullable GcEventRecorder recorder) {
		this(snapshots, gcTrigger, access, heapDumps, gcTuning, settings, watch, recorder, null);
	}

	/**
	 * Creates the endpoint with the trend analysis and heap dump analysis.
	 * @param snapshots takes and keeps snapshots
	 * @param gcTrigger collects garbage on request
	 * @param access the access granted to the endpoint
	 * @param heapDumps writes and keeps heap dumps, or {@code null}
	 * @param gcTuning reads and changes VM flags, or {@code null}
	 * @param settings the starter's settings, for the tuning view
	 * @param watch the trend analysis, or {@code null} when it is off
	 * @param recorder the recorded collections, or {@code null} when the analysis is off
	 * @param analyses the heap dump analyses, or {@code null} when they are off
	 */
	public LeaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger, Access access, @Nullable HeapDumps heapDumps,
			@Nullable GcTuning gcTuning, Supplier<Map<String, Object>> settings, @Nullable LeakWatch watch,
			@Nullable GcEventRecorder recorder, @Nullable Analyses analyses) {
		Assert.notNull(snapshots, "'snapshots' must not be null");
		Assert.notNull(gcTrigger, "'gcTrigger' must not be null");
		Assert.notNull(access, "'access' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.snapshots = snapshots;
		this.gcTrigger = gcTrigger;
		this.access = access;
		this.heapDumps = heapDumps;
		this.gcTuning = gcTuning;
		this.settings = settings;
		this.watch = watch;
		this.recorder = recorder;
		this.analyses = AnalysisOperations.of(analyses, watch, snapshots.store());
	}

	/**
	 * The access granted to this endpoint.
	 * @return the access level resolved from {@code management.endpoint.leaks.access}
	 */
	public Access access() {
		return this.access;
	}

	@ReadOperation
	public LeaksOverview overview() {
		MemoryReport memory = MemoryReport.read();
		var server = ManagementFactory.getPlatformMBeanServer();
		boolean heapDumpsAvailable = (this.heapDumps != null) ? this.heapDumps.isAvailable()
				: HotSpotMBeans.hasOperation(server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "dumpHeap");
		boolean tuningAvailable = (this.gcTuning != null) ? this.gcTuning.isAvailable()
				: HotSpotMBeans.hasOperation(server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "setVMOption");
		LeaksOverview.Capabilities supports = new LeaksOverview.Capabilities(this.snapshots.isAvailable(),
				heapDumpsAvailable, tuningAvailable,
				!this.gcTrigger.isExplicitGcDisabled(), this.access.name());
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		LeaksOverview.Jvm jvm = new LeaksOverview.Jvm(runtime.getVmName(), runtime.getVmVendor(),
				System.getProperty("java.runtime.version", runtime.getVmVersion()), runtime.getUptime());
		return new LeaksOverview(memory.heap(), memory.nonHeap(), memory.pools(), memory.collectors(),
				memory.pendingFinalization(), store().labels(), supports, jvm);
	}

	@ReadOperation
	public Object resource(@Selector String resource, @Nullable String from, @Nullable String to,
			@Nullable String top, @Nullable String sort, @Nullable String excludeJdk, @Nullable String filter) {
		return switch (resource) {
			case "snapshots" -> listSnapshots();
			case "compare" -> compare(from, to, top, sort, excludeJdk, filter);
			case HEAPDUMPS -> listHeapDumps();
			case TUNING -> tuning();
			case "trend" -> TrendResponse.of(watch());
			case "history" -> HistoryResponse.of(watch(),
					(this.recorder != null) ? this.recorder.events() : List.of());
			case ANALYSES -> this.analyses.list();
			default -> throw unknownResource(resource, "GET");
		};
	}

	@ReadOperation
	public Object item(@Selector String resource, @Selector String name, @Nullable String top) {
		return switch (resource) {
			case "snapshots" -> snapshot(name, RequestParameters.top(top, DEFAULT_TOP));
			case HEAPDUMPS -> HeapDumpSummary.of(refusable(() -> heapDumps().get(name)));
			case ANALYSES -> this.analyses.get(name);
			default -> throw unknownResource(resource + "/{name}", "GET");
		};
	}

	@WriteOperation
	public Object action(@Selector String resource, @Nullable String label, @Nullable String liveOnly,
			@Nullable String live, @Nullable String flag, @Nullable String value, @Nullable String preset,
			@Nullable String heapDump, @Nullable String from, @Nullable String to, @Nullable String classes) {
		Map<String, @Nullable String> given = new LinkedHashMap<>();
		given.put("label", label);
		given.put("liveOnly", liveOnly);
		given.put("live", live);
		given.put("flag", flag);
		given.put("value", value);
		given.put("preset", preset);
		given.put("heapDump", heapDump);
		given.put("from", from);
		given.put("to", to);
		given.put("classes", classes);
		return switch (resource) {
			case "snapshots" -> {
				RequestParameters.acceptOnly("POST snapshots", given, "label", "liveOnly");
				yield takeSnapshot(label, RequestParameters.bool("liveOnly", liveOnly, true));
			}
			case "gc" -> {
				RequestParameters.acceptOnly("POST gc", given);
				yield collectGarbage();
			}
			case HEAPDUMPS -> {
				RequestParameters.acceptOnly("POST heapdumps", given, "label", "live");
				yield takeHeapDump(label, RequestParameters.bool("live", live, true));
			}
			case TUNING -> {
				RequestParameters.acceptOnly("POST tuning", given, "flag", "value", "preset");
				yield tune(flag, value, preset);
			}
			case ANALYSES -> {
				RequestParameters.acceptOnly("POST analyses", given, "heapDump", "from", "to", "classes");
				yield this.analyses.start(heapDump, from, to, classes);
			}
			default -> throw unknownResource(resource, "POST");
		};
	}

	@DeleteOperation
	public Object remove(@Selector String resource, @Selector String name) {
		return switch (resource) {
			case "snapshots" -> deleteSnapshot(name);
			case HEAPDUMPS -> deleteHeapDump(name);
			case ANALYSES -> this.analyses.delete(name);
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
			@Nullable String sortValue, @Nullable String excludeJdkValue, @Nullable String filterValue) {
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
		String filter = RequestParameters.filter(filterValue);
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
		List<Comparison.Row> rows = diff
			.top(sort, top, (row) -> (!excludeJdk || !row.jdk()) && RequestParameters.matches(filter, row.className()))
			.stream()
			.map(Comparison.Row::of)
			.toList();
		return new Comparison(from.label(), to.label(), from.takenAt(), to.takenAt(), sort.id(), top, excludeJdk,
				filter, rows,
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

	/**
	 * The file of a heap dump to download. Downloading is off unless
	 * {@code leaks.heap-dump.download=true}, and needs unrestricted access even though it
	 * is a read: a dump holds every secret in the heap.
	 * @param name the dump's name
	 * @return the dump
	 */
	HeapDump heapDumpToDownload(String name) {
		HeapDumps dumps = heapDumps();
		HeapDump dump = refusable(() -> dumps.get(name));
		if (!dumps.settings().download()) {
			throw LeaksOperationException.forbidden("Downloading heap dumps is off: a dump holds every secret in the "
					+ "heap (passwords, tokens, personal data). To allow it, set leaks.heap-dump.download=true and "
					+ "management.endpoint.leaks.access=unrestricted, and secure the endpoint; or copy the file from "
					+ dumps.repository().directory() + " on the host");
		}
		if (this.access != Access.UNRESTRICTED) {
			throw LeaksOperationException.forbidden("Downloading a heap dump hands out every secret in the heap, so "
					+ "it needs management.endpoint.leaks.access=unrestricted (this endpoint has " + this.access
					+ " access)");
		}
		return dump;
	}

	private HeapDumpList listHeapDumps() {
		HeapDumps dumps = heapDumps();
		List<HeapDump> stored = refusable(dumps::list);
		long total = stored.stream().mapToLong(HeapDump::sizeBytes).sum();
		HeapDumps.Settings settings = dumps.settings();
		return new HeapDumpList(dumps.repository().directory().toString(),
				stored.stream().map(HeapDumpSummary::of).toList(), total, settings.maxCount(),
				settings.maxTotalSizeBytes(), settings.download(), dumps.isBusy());
	}

	private HeapDumpCreated takeHeapDump(@Nullable String label, boolean live) {
		HeapDumps dumps = heapDumps();
		return HeapDumpCreated.of(refusable(() -> dumps.dump(label, live)));
	}

	private Deleted deleteHeapDump(String name) {
		HeapDumps dumps = heapDumps();
		HeapDump deleted = refusable(() -> dumps.delete(name));
		return new Deleted(deleted.name(), "Heap dump '" + deleted.name() + "' deleted");
	}

	private HeapDumps heapDumps() {
		if (this.heapDumps == null) {
			throw LeaksOperationException.unavailable("Heap dumps are not configured in this application");
		}
		return this.heapDumps;
	}

	/**
	 * The feature packages refuse with their own exceptions and know nothing of HTTP;
	 * their reasons become statuses here.
	 */
	private static <T> T refusable(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (HeapDumpException ex) {
			int status = switch (ex.reason()) {
				case INVALID_LABEL, INVALID_NAME -> 400;
				case NOT_FOUND -> 404;
				case BUSY -> 429;
				case INSUFFICIENT_SPACE -> 507;
				case UNAVAILABLE, FAILED -> 503;
			};
			throw new LeaksOperationException(status, ex.getMessage());
		}
		catch (TuningException ex) {
			int status = (ex.reason() == TuningException.Reason.UNAVAILABLE) ? 503 : 400;
			throw new LeaksOperationException(status, ex.getMessage());
		}
	}

	private TuningView tuning() {
		GcTuning tuning = gcTuning();
		return TuningView.of(refusable(tuning::state), this.settings.get());
	}

	private TuningChanged tune(@Nullable String flag, @Nullable String value, @Nullable String preset) {
		GcTuning tuning = gcTuning();
		boolean hasPreset = preset != null && !preset.isBlank();
		boolean hasFlag = flag != null && !flag.isBlank();
		if (hasPreset && (hasFlag || value != null)) {
			throw LeaksOperationException.badRequest("Send either {\"preset\": \"aggressive\"} or {\"flag\": "
					+ "\"MaxHeapFreeRatio\", \"value\": \"50\"}, not both");
		}
		if (hasPreset) {
			return TuningChanged.of(refusable(() -> tuning.applyPreset(preset)));
		}
		if (!hasFlag) {
			throw LeaksOperationException.badRequest("Send {\"flag\": \"MaxHeapFreeRatio\", \"value\": \"50\"} or "
					+ "{\"preset\": \"aggressive\"} (presets: aggressive, relaxed, defaults); GET "
					+ "/actuator/leaks/tuning lists the flags");
		}
		if (value == null || value.isBlank()) {
			throw LeaksOperationException.badRequest("value is required: {\"flag\": \"" + flag
					+ "\", \"value\": \"...\"}; GET /actuator/leaks/tuning shows each flag's accepted range");
		}
		return TuningChanged.of(refusable(() -> tuning.set(flag.trim(), value)));
	}

	private GcTuning gcTuning() {
		if (this.gcTuning == null) {
			throw LeaksOperationException.unavailable("GC tuning is not configured in this application");
		}
		return this.gcTuning;
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
				+ ". Available: GET snapshots, GET snapshots/{label}, GET compare, POST snapshots, POST gc, "
				+ "DELETE snapshots/{label}, GET heapdumps, GET heapdumps/{name}, POST heapdumps, "
				+ "DELETE heapdumps/{name}, GET tuning, POST tuning, GET trend, GET history, GET analyses, "
				+ "GET analyses/{id}, POST analyses, DELETE analyses/{id}");
	}

}
