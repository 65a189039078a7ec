package io.leaks.histogram;

import java.util.List;

/**
 * A parsed class histogram, largest classes (by bytes) first. Classes with the same name
 * loaded by different class loaders stay separate entries.
 *
 * @param entries one entry per class, in the JVM's order (bytes, descending)
 * @param totalInstances instances of all classes
 * @param totalBytes bytes of all classes
 */
public record ClassHistogram(List<HistogramEntry> entries, long totalInstances, long totalBytes) {

	public ClassHistogram {
		entries = List.copyOf(entries);
	}

	public int classCount() {
		return this.entries.size();
	}

	/**
	 * The largest classes.
	 * @param count how many to return at most
	 * @return up to {@code count} entries, largest first
	 */
	public List<HistogramEntry> top(int count) {
		return this.entries.subList(0, Math.min(count, this.entries.size()));
	}

}
