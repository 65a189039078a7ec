package io.leaks.actuate;

import io.leaks.histogram.DiffSort;
import io.leaks.histogram.SnapshotLabels;
import org.jspecify.annotations.Nullable;

/**
 * What to compare and how to show it.
 *
 * @param from label of the earlier snapshot, or {@code null} for the one before {@code to}
 * @param to label of the later snapshot, {@code now} for the heap now, or {@code null} for
 * the latest
 * @param top how many rows
 * @param sort what the rows are ranked by
 * @param excludeJdk whether to leave JDK classes out
 * @param filter text class names must contain (case-insensitive), or {@code null}
 */
record CompareRequest(@Nullable String from, @Nullable String to, int top, DiffSort sort, boolean excludeJdk,
		@Nullable String filter) {

	static final String[] PARAMETERS = { "from", "to", "top", "sort", "excludeJdk", "filter" };

	static CompareRequest of(Parameters given) {
		String sortValue = given.text("sort");
		DiffSort sort = DiffSort.BYTES;
		if (sortValue != null && !sortValue.isBlank()) {
			sort = DiffSort.parse(sortValue);
			if (sort == null) {
				throw LeaksOperationException
					.badRequest("sort must be 'bytes' or 'instances', was '" + sortValue + "'");
			}
		}
		return new CompareRequest(given.text("from"), given.text("to"), given.top(), sort,
				given.bool("excludeJdk", false), given.filter());
	}

	boolean toNow() {
		return this.to != null && SnapshotLabels.NOW.equalsIgnoreCase(this.to);
	}

}
