package io.leaks.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.SnapshotLabels;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.StarterClasses;
import io.leaks.histogram.Snapshots;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Snapshots and their diffs: {@code /snapshots} and {@code /compare}.
 */
public final class SnapshotOperations implements LeaksOperations {

	private final Snapshots snapshots;

	public SnapshotOperations(Snapshots snapshots) {
		Assert.notNull(snapshots, "'snapshots' must not be null");
		this.snapshots = snapshots;
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

	/**
	 * Compares two stored snapshots: a read, it never walks the heap.
	 * @param request what to compare; {@code to=now} is refused with 405 naming the POST
	 * @return the comparison
	 */
	Comparison compare(CompareRequest request) {
		if (request.toNow()) {
			throw LeaksOperationException.methodNotAllowed("GET compare only compares stored snapshots: comparing "
					+ "with the heap now takes a fresh histogram, which walks the heap (and forces a full GC for a "
					+ "live snapshot), so it is a write: POST /actuator/leaks/compare with {\"from\": \"<label>\", "
					+ "\"to\": \"now\"} and Content-Type: application/json (needs "
					+ "management.endpoint.leaks.access=unrestricted)", List.of("POST"));
		}
		HistogramSnapshot to = (request.to() != null) ? stored(request.to()) : store().latest()
			.orElseThrow(() -> LeaksOperationException.badRequest(
					"No snapshots yet: take two with POST /actuator/leaks/snapshots, then compare them"));
		HistogramSnapshot from = (request.from() != null) ? stored(request.from()) : store().before(to.label())
			.orElseThrow(() -> LeaksOperationException.badRequest("No snapshot was taken before '" + to.label()
					+ "': name one with from=<label>, or POST /actuator/leaks/compare with {\"to\": \"now\"} to "
					+ "compare it with the heap now"));
		return compare(from, to, request);
	}

	/**
	 * Compares a stored snapshot with the heap now (the default for {@code to}), taking a
	 * fresh, unstored histogram in the same mode as {@code from}; a {@code to} naming a
	 * stored snapshot compares the two stored ones.
	 * @param request what to compare
	 * @return the comparison
	 */
	Comparison compareWithNow(CompareRequest request) {
		if (!request.toNow()) {
			return compare(request);
		}
		HistogramSnapshot from = (request.from() != null) ? stored(request.from()) : store().latest()
			.orElseThrow(() -> LeaksOperationException.badRequest("Comparing with now needs a snapshot to compare "
					+ "with: take one with POST /actuator/leaks/snapshots or name it with \"from\""));
		HistogramSnapshot now = HeapWork.run(() -> this.snapshots.capture(SnapshotLabels.NOW, from.liveOnly()));
		return compare(from, now, request);
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
			warnings.add(
					"Both snapshots counted all objects (liveOnly=false): growth may be garbage not yet collected");
		}
		if (from.takenAt().isAfter(to.takenAt())) {
			warnings.add("'" + from.label() + "' was taken after '" + to.label() + "': negative deltas mean growth");
		}
		HistogramDiff diff = HistogramDiff.between(from.histogram(), to.histogram());
		String filter = request.filter();
		List<Comparison.Row> rows = diff
			.top(request.sort(), request.top(),
					(row) -> (!request.excludeJdk() || !row.jdk()) && matches(filter, row.className())
							&& !StarterClasses.isStarterClass(row.className()))
			.stream()
			.map(Comparison.Row::of)
			.toList();
		return new Comparison(from.label(), to.label(), from.takenAt(), to.takenAt(), request.sort().id(),
				request.top(), request.excludeJdk(), filter, rows, diff.totals(), diff.classesAdded(),
				diff.classesRemoved(), warnings);
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
