package io.leaks.workloads.run;

import java.util.Locale;

/**
 * What a trace of a scenario shows, in the words of {@code labels.csv}.
 */
public enum Label {

	/** The retained memory grows steadily: the analyzer should call a leak. */
	LEAK,

	/** No trend in the retained memory: a leak verdict at any time is a false alarm. */
	STABLE,

	/** Grows, then levels off and stays: a false alarm too, however long the growth looked like one. */
	WARMUP;

	/**
	 * The label as written in {@code labels.csv}.
	 * @return {@code leak}, {@code stable} or {@code warmup}
	 */
	public String csv() {
		return name().toLowerCase(Locale.ROOT);
	}

}
