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

	/**
	 * Reads the request's parameters.
	 * @param given the parameters
	 * @param defaultTo what {@code to} means when it is not given
	 * @return the request
	 */
	static CompareRequest of(Parameters given, @Nullable String defaultTo) {
		String sortValue = given.text("sort");
		DiffSort sort = DiffSort.BYTES;
		if (sortValue != null && !sortValue.isBlank()) {
			sort = DiffSort.parse(sortValue);
			if (sort == null) {
				throw LeaksOperationException
					.badRequest("sort must be 'bytes' or 'instances', was '" + sortValue + "'");
			}
		}
		String to = given.text("to");
		return new CompareRequest(given.text("from"), (to != null && !to.isBlank()) ? to : defaultTo, given.top(), sort,
				given.bool("excludeJdk", false), given.filter());
	}

	boolean toNow() {
		return this.to != null && SnapshotLabels.NOW.equalsIgnoreCase(this.to);
	}

}
