package io.leaks.trend;

import io.leaks.histogram.ClassHistogram;

/**
 * Sees what the watch sees and decides, as it happens, on the watch's own thread: the
 * hook a trace recorder uses. Every method must be quick and must not throw.
 */
public interface WatchObserver {

	/**
	 * A memory sample was taken.
	 * @param sample the sample
	 */
	default void sampled(MemorySample sample) {
	}

	/**
	 * The watch took a live histogram.
	 * @param atMillis when it finished, milliseconds since the JVM started
	 * @param purpose why it was taken
	 * @param histogram the histogram
	 * @param durationMillis how long it took
	 */
	default void histogramTaken(long atMillis, String purpose, ClassHistogram histogram, long durationMillis) {
	}

	/**
	 * A judgement ended.
	 * @param atMillis when it began (the time of its memory sample), milliseconds since the
	 * JVM started
	 * @param report the state after it
	 */
	default void judged(long atMillis, TrendReport report) {
	}

	/**
	 * The watch published an event.
	 * @param atMillis when, milliseconds since the JVM started
	 * @param event the event
	 */
	default void published(long atMillis, Object event) {
	}

}
