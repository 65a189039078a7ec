package io.leaks.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.SnapshotLabels;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Snapshots and their diffs: {@code /snapshots} and {@code /compare}.
 */
public final class SnapshotOperations implements LeaksOperations {

	private final Snapshots snapshots;

	private final boolean mayForceCollections;

	/**
	 * Creates the operations.
	 * @param snapshots takes and keeps snapshots
	 * @param mayForceCollections whether a read may take a fresh live snapshot
	 * ({@code compare?to=now}), which forces a full collection
	 */
	public SnapshotOperations(Snapshots snapshots, boolean mayForceCollections) {
		Assert.notNull(snapshots, "'snapshots' must not be null");
		this.snapshots = snapshots;
		this.mayForceCollections = mayForceCollections;
	}

	boolean isAvailable() {
		return this.snapshots.isAvailable();
	}

	List<String> labels() {
		return store().labels();
	}

	SnapshotList list() {
		List<SnapshotSummary> summaries = store().list()
			.stream()
			.map((snapshot) -> SnapshotSummary.of(snapshot, List.of()))
			.toList();
		return new SnapshotList(summaries, store().maxCount());
	}

	SnapshotDetail detail(String label, int top) {
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

	SnapshotSummary take(@Nullable String label, boolean liveOnly) {
		String problem = SnapshotLabels.problem(label);
		if (problem != null) {
			throw LeaksOperationException.badRequest(problem);
		}
		if (store().contains(label)) {
			throw labelTaken(label);
		}
		Snapshots.Taken taken = HeapWork.run(() -> this.snapshots.take(label, liveOnly));
		if (!taken.result().added()) {
			throw labelTaken(label);
		}
		return SnapshotSummary.of(taken.snapshot(), taken.result().evicted());
	}

	Deleted delete(String label) {
		HistogramSnapshot removed = store().remove(label).orElseThrow(() -> unknownSnapshot(label));
		return new Deleted(removed.label(), "Snapshot '" + removed.label() + "' deleted");
	}

	Comparison compare(CompareRequest request) {
		HistogramSnapshot from;
		HistogramSnapshot to;
		if (request.toNow()) {
			from = (request.from() != null) ? stored(request.from()) : store().latest()
				.orElseThrow(() -> LeaksOperationException.badRequest(
						"compare?to=now needs a snapshot to compare with: take one with POST /actuator/leaks/snapshots "
								+ "or name it with from=<label>"));
			to = fresh(from.liveOnly());
		}
		else {
			to = (request.to() != null) ? stored(request.to()) : store().latest()
				.orElseThrow(() -> LeaksOperationException.badRequest(
						"No snapshots yet: take two with POST /actuator/leaks/snapshots, then compare them"));
			from = (request.from() != null) ? stored(request.from()) : store().before(to.label())
				.orElseThrow(() -> LeaksOperationException.badRequest("No snapshot was taken before '" + to.label()
						+ "': name one with from=<label>, or use to=now to compare it with the heap now"));
		}
		return compare(from, to, request);
	}

	private Comparison compare(HistogramSnapshot from, HistogramSnapshot to, CompareRequest request) {
		if (from.label().equals(to.label())) {
			throw LeaksOperationException
				.badRequest("from and to are both '" + from.label() + "': compare two different snapshots");
		}
		List<String> warnings = new ArrayList<>();
		if (from.liveOnly() != to.liveOnly()) {
			warnings.add("'" + from.label() + "' counted " + counted(from) + " but '" + to.label() + "' counted "
					+ counted(to) + ": differences include garbage not yet collected");
		}
		else if (!from.liveOnly()) {
			warnings.add("Both snapshots counted all objects (liveOnly=false): growth may be garbage not yet collected");
		}
		if (from.takenAt().isAfter(to.takenAt())) {
			warnings.add("'" + from.label() + "' was taken after '" + to.label() + "': negative deltas mean growth");
		}
		HistogramDiff diff = HistogramDiff.between(from.histogram(), to.histogram());
		String filter = request.filter();
		List<Comparison.Row> rows = diff
			.top(request.sort(), request.top(),
					(row) -> (!request.excludeJdk() || !row.jdk()) && matches(filter, row.className()))
			.stream()
			.map(Comparison.Row::of)
			.toList();
		return new Comparison(from.label(), to.label(), from.takenAt(), to.takenAt(), request.sort().id(),
				request.top(), request.excludeJdk(), filter, rows, diff.totals(), diff.classesAdded(),
				diff.classesRemoved(), warnings);
	}

	private HistogramSnapshot fresh(boolean liveOnly) {
		if (liveOnly && !this.mayForceCollections) {
			throw LeaksOperationException.forbidden("compare?to=now against a live snapshot forces a full GC, which "
					+ "read-only access does not allow: set management.endpoint.leaks.access=unrestricted, or take "
					+ "the second snapshot with POST /actuator/leaks/snapshots and compare two stored snapshots");
		}
		return HeapWork.run(() -> this.snapshots.capture(SnapshotLabels.NOW, liveOnly));
	}

	private static String counted(HistogramSnapshot snapshot) {
		return snapshot.liveOnly() ? "live objects only" : "all objects";
	}

	private static boolean matches(@Nullable String filter, String className) {
		return filter == null || className.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
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

	private static LeaksOperationException labelTaken(String label) {
		return LeaksOperationException.conflict("A snapshot labelled '" + label
				+ "' already exists: choose another label or DELETE /actuator/leaks/snapshots/" + label + " first");
	}

}
