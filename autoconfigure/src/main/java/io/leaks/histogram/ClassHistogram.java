package io.leaks.histogram;

import java.util.AbstractList;
import java.util.List;

/**
 * A parsed class histogram, largest classes (by bytes) first. Classes with the same name
 * loaded by different class loaders stay separate entries.
 * <p>
 * Rows are kept in parallel arrays rather than as one object per class: a stored snapshot
 * then costs a handful of objects instead of thousands, which keeps the starter's own
 * footprint small and, just as important, keeps it out of the diffs it shows (a store of
 * {@code HistogramEntry} objects would itself appear as a growing class).
 */
public final class ClassHistogram {

	private final String[] classNames;

	private final String[] modules;

	private final long[] instances;

	private final long[] bytes;

	private final long totalInstances;

	private final long totalBytes;

	public ClassHistogram(List<HistogramEntry> entries) {
		this(entries, -1, -1);
	}

	/**
	 * A histogram of which only some rows are known (a recorded trace keeps the larger
	 * classes only), with the totals of the whole.
	 * @param entries the rows known, largest first
	 * @param totalInstances instances of all classes, or -1 to sum the rows
	 * @param totalBytes bytes of all classes, or -1 to sum the rows
	 */
	public ClassHistogram(List<HistogramEntry> entries, long totalInstances, long totalBytes) {
		int size = entries.size();
		this.classNames = new String[size];
		this.modules = new String[size];
		this.instances = new long[size];
		this.bytes = new long[size];
		long instanceSum = 0;
		long byteSum = 0;
		for (int i = 0; i < size; i++) {
			HistogramEntry entry = entries.get(i);
			this.classNames[i] = entry.className();
			this.modules[i] = entry.module();
			this.instances[i] = entry.instances();
			this.bytes[i] = entry.bytes();
			instanceSum += entry.instances();
			byteSum += entry.bytes();
		}
		this.totalInstances = Math.max(instanceSum, totalInstances);
		this.totalBytes = Math.max(byteSum, totalBytes);
	}

	public int classCount() {
		return this.classNames.length;
	}

	public long totalInstances() {
		return this.totalInstances;
	}

	public long totalBytes() {
		return this.totalBytes;
	}

	/**
	 * One row.
	 * @param index from 0 (largest) to {@code classCount() - 1}
	 * @return the row
	 */
	public HistogramEntry entry(int index) {
		return new HistogramEntry(this.classNames[index], this.modules[index], this.instances[index],
				this.bytes[index]);
	}

	/**
	 * All rows, largest first, as a read-only view whose elements are made on access.
	 * @return the rows
	 */
	public List<HistogramEntry> entries() {
		return new AbstractList<>() {

			@Override
			public HistogramEntry get(int index) {
				return entry(index);
			}

			@Override
			public int size() {
				return classCount();
			}

		};
	}

	/**
	 * The largest classes.
	 * @param count how many to return at most
	 * @return up to {@code count} entries, largest first
	 */
	public List<HistogramEntry> top(int count) {
		return entries().subList(0, Math.min(count, classCount()));
	}

}
