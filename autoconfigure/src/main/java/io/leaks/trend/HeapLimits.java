package io.leaks.trend;

/**
 * What bounds the heap now.
 *
 * @param max the max heap, or a non-positive value if unknown (the committed heap stands in)
 * @param minHeapFreeRatio the JVM's {@code MinHeapFreeRatio} (percent it keeps free after a
 * full collection while it can grow), or -1 if unknown (40, HotSpot's default, is assumed)
 */
public record HeapLimits(long max, int minHeapFreeRatio) {

	/** HotSpot's default {@code MinHeapFreeRatio}. */
	static final int DEFAULT_MIN_HEAP_FREE_RATIO = 40;

	/**
	 * Share of the committed heap in use after a full collection that means the JVM could
	 * not grow the heap to keep {@code MinHeapFreeRatio} free: half-way between that ratio's
	 * target and a full heap (80% at the default 40).
	 * @return the share
	 */
	double cannotGrowShare() {
		int ratio = (this.minHeapFreeRatio >= 0) ? this.minHeapFreeRatio : DEFAULT_MIN_HEAP_FREE_RATIO;
		return 1 - ratio / 200.0;
	}

}
