package io.leaks.histogram;

import java.util.Comparator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Order of a {@link HistogramDiff}: biggest growth first.
 */
public enum DiffSort {

	/** By bytes gained: where the memory went (usually {@code byte[]}, {@code String}). */
	BYTES(Comparator.comparingLong(DiffRow::bytesDelta).thenComparingLong(DiffRow::instancesDelta)),

	/** By instances gained: who holds it (application classes grow by count). */
	INSTANCES(Comparator.comparingLong(DiffRow::instancesDelta).thenComparingLong(DiffRow::bytesDelta));

	private final Comparator<DiffRow> growthFirst;

	DiffSort(Comparator<DiffRow> ascending) {
		this.growthFirst = ascending.reversed().thenComparing(DiffRow::className);
	}

	Comparator<DiffRow> comparator() {
		return this.growthFirst;
	}

	/**
	 * Parses a sort name case-insensitively.
	 * @param name {@code bytes} or {@code instances}
	 * @return the sort, or {@code null} if the name is unknown
	 */
	public static @Nullable DiffSort parse(String name) {
		for (DiffSort sort : values()) {
			if (sort.name().equalsIgnoreCase(name.trim())) {
				return sort;
			}
		}
		return null;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
