package io.leaks.histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two class histograms: every class whose count or size changed, plus
 * totals. Same-named classes from different class loaders are never merged: the n-th
 * largest of that name in one histogram is paired with the n-th largest in the other, and
 * the row says it is {@link DiffRow#ambiguous() ambiguous}.
 *
 * @param rows every class whose instances or bytes changed, in no particular order
 * @param totals the totals of both histograms
 * @param classesAdded classes present only in the second histogram
 * @param classesRemoved classes present only in the first histogram
 */
public record HistogramDiff(List<DiffRow> rows, Totals totals, int classesAdded, int classesRemoved) {

	public HistogramDiff {
		rows = List.copyOf(rows);
	}

	/**
	 * Compares two histograms.
	 * @param from the earlier histogram
	 * @param to the later histogram
	 * @return the differences
	 */
	public static HistogramDiff between(ClassHistogram from, ClassHistogram to) {
		Map<ClassKey, HistogramEntry> before = index(from);
		Map<String, Integer> fromNameCounts = nameCounts(from);
		Map<String, Integer> toNameCounts = nameCounts(to);
		List<DiffRow> rows = new ArrayList<>();
		Map<ClassKey, Integer> seen = new HashMap<>();
		int added = 0;
		for (HistogramEntry entry : to.entries()) {
			ClassKey key = ClassKey.next(entry, seen);
			HistogramEntry old = before.remove(key);
			if (old == null) {
				added++;
			}
			DiffRow row = new DiffRow(entry.className(), entry.module(), (old != null) ? old.instances() : 0,
					entry.instances(), (old != null) ? old.bytes() : 0, entry.bytes(),
					isAmbiguous(entry.className(), fromNameCounts, toNameCounts));
			if (row.changed()) {
				rows.add(row);
			}
		}
		for (HistogramEntry gone : before.values()) {
			rows.add(new DiffRow(gone.className(), gone.module(), gone.instances(), 0, gone.bytes(), 0,
					isAmbiguous(gone.className(), fromNameCounts, toNameCounts)));
		}
		Totals totals = new Totals(from.classCount(), to.classCount(), from.totalInstances(), to.totalInstances(),
				from.totalBytes(), to.totalBytes());
		return new HistogramDiff(rows, totals, added, before.size());
	}

	/**
	 * The biggest growers first.
	 * @param sort what to rank by
	 * @param limit how many rows at most
	 * @param excludeJdk whether to leave out JDK classes
	 * @return up to {@code limit} rows
	 */
	public List<DiffRow> top(DiffSort sort, int limit, boolean excludeJdk) {
		return top(sort, limit, (row) -> !excludeJdk || !row.jdk());
	}

	/**
	 * The biggest growers first among the rows a filter keeps.
	 * @param sort what to rank by
	 * @param limit how many rows at most
	 * @param include which rows to consider
	 * @return up to {@code limit} rows
	 */
	public List<DiffRow> top(DiffSort sort, int limit, Predicate<DiffRow> include) {
		return this.rows.stream()
			.filter(include)
			.sorted(sort.comparator())
			.limit(limit)
			.toList();
	}

	private static Map<ClassKey, HistogramEntry> index(ClassHistogram histogram) {
		Map<ClassKey, HistogramEntry> index = new HashMap<>(histogram.classCount() * 2);
		Map<ClassKey, Integer> seen = new HashMap<>();
		for (HistogramEntry entry : histogram.entries()) {
			index.put(ClassKey.next(entry, seen), entry);
		}
		return index;
	}

	private static Map<String, Integer> nameCounts(ClassHistogram histogram) {
		Map<String, Integer> counts = new HashMap<>(histogram.classCount() * 2);
		for (HistogramEntry entry : histogram.entries()) {
			counts.merge(entry.className(), 1, Integer::sum);
		}
		return counts;
	}

	private static boolean isAmbiguous(String className, Map<String, Integer> from, Map<String, Integer> to) {
		return from.getOrDefault(className, 0) > 1 || to.getOrDefault(className, 0) > 1;
	}

	/**
	 * Totals of both histograms.
	 *
	 * @param classesFrom classes in the first histogram
	 * @param classesTo classes in the second histogram
	 * @param instancesFrom instances in the first histogram
	 * @param instancesTo instances in the second histogram
	 * @param bytesFrom bytes in the first histogram
	 * @param bytesTo bytes in the second histogram
	 */
	public record Totals(int classesFrom, int classesTo, long instancesFrom, long instancesTo, long bytesFrom,
			long bytesTo) {

		public long instancesDelta() {
			return this.instancesTo - this.instancesFrom;
		}

		public long bytesDelta() {
			return this.bytesTo - this.bytesFrom;
		}

	}

	/**
	 * Identity of a class across histograms: name, module and its rank among same-named
	 * classes (which is all a histogram tells about the class loader).
	 */
	private record ClassKey(String className, @Nullable String module, int rank) {

		static ClassKey next(HistogramEntry entry, Map<ClassKey, Integer> seen) {
			ClassKey first = new ClassKey(entry.className(), entry.module(), 1);
			int rank = seen.merge(first, 1, Integer::sum);
			return (rank == 1) ? first : new ClassKey(entry.className(), entry.module(), rank);
		}

	}

}
