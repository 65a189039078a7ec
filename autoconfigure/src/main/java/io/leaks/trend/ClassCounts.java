package io.leaks.trend;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import org.jspecify.annotations.Nullable;

/**
 * What a round keeps of one live histogram between its steps: the instances and bytes of
 * the classes that could be suspects, in a few arrays, so that the round's own objects
 * stay far below the noise of the live floor it measures (a whole histogram kept alive
 * while the next is taken would make the floor rise by construction).
 */
final class ClassCounts {

	/** Classes kept at most, largest first. */
	static final int MAX_CLASSES = 2000;

	/** Classes with fewer instances cannot show a leak's growth. */
	static final long MIN_INSTANCES = 16;

	private final String[] classNames;

	private final @Nullable String[] modules;

	private final long[] instances;

	private final long[] bytes;

	private final long totalBytes;

	private ClassCounts(String[] classNames, @Nullable String[] modules, long[] instances, long[] bytes,
			long totalBytes) {
		this.classNames = classNames;
		this.modules = modules;
		this.instances = instances;
		this.bytes = bytes;
		this.totalBytes = totalBytes;
	}

	static ClassCounts of(ClassHistogram histogram) {
		int kept = 0;
		int size = Math.min(MAX_CLASSES, histogram.classCount());
		String[] names = new String[size];
		String[] modules = new String[size];
		long[] instances = new long[size];
		long[] bytes = new long[size];
		for (int i = 0; i < histogram.classCount() && kept < size; i++) {
			HistogramEntry entry = histogram.entry(i);
			if (entry.instances() >= MIN_INSTANCES) {
				names[kept] = entry.className();
				modules[kept] = entry.module();
				instances[kept] = entry.instances();
				bytes[kept] = entry.bytes();
				kept++;
			}
		}
		return new ClassCounts(java.util.Arrays.copyOf(names, kept), java.util.Arrays.copyOf(modules, kept),
				java.util.Arrays.copyOf(instances, kept), java.util.Arrays.copyOf(bytes, kept),
				histogram.totalBytes());
	}

	int size() {
		return this.classNames.length;
	}

	String className(int index) {
		return this.classNames[index];
	}

	@Nullable String module(int index) {
		return this.modules[index];
	}

	long instances(int index) {
		return this.instances[index];
	}

	long bytes(int index) {
		return this.bytes[index];
	}

	long totalBytes() {
		return this.totalBytes;
	}

	/**
	 * Bytes these counts occupy in the heap, about: four arrays and the class names.
	 * @return the estimate
	 */
	long footprint() {
		long names = 0;
		for (String name : this.classNames) {
			names += 40 + name.length();
		}
		return 64 + this.classNames.length * 24L + names;
	}

}
