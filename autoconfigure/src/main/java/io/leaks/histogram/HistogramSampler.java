package io.leaks.histogram;

/**
 * Takes class histograms of the running JVM.
 */
@FunctionalInterface
public interface HistogramSampler {

	/**
	 * Takes a class histogram.
	 * @param liveOnly whether to count live objects only, which forces a full collection
	 * first; otherwise unreachable objects not yet collected are counted too
	 * @return the histogram
	 * @throws HistogramUnavailableException if this JVM cannot produce class histograms
	 */
	ClassHistogram sample(boolean liveOnly);

	/**
	 * Whether this JVM can produce class histograms at all.
	 * @return whether {@link #sample(boolean)} can work
	 */
	default boolean isAvailable() {
		return true;
	}

}
