package io.leaks.trend;

import io.leaks.histogram.ClassHistogram;

/**
 * Where the watch takes live class histograms, each of which forces a full collection:
 * the starter's guarded {@code Snapshots} in a running service, the recorded live totals
 * of a trace in a replay.
 */
public interface LiveHistograms {

	/**
	 * Whether histograms can be taken at all.
	 * @return whether {@link #capture()} can work
	 */
	boolean isAvailable();

	/**
	 * Takes one live histogram now.
	 * @return the histogram
	 * @throws io.leaks.gc.CollectionGuard.CollectionInProgressException if another heap
	 * operation runs
	 * @throws RuntimeException if the JVM cannot produce it
	 */
	ClassHistogram capture();

}
