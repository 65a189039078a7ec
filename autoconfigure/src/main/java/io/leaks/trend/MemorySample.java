package io.leaks.trend;

/**
 * The JVM's memory at one moment, sampled on the trend analysis's schedule.
 *
 * @param atMillis milliseconds since the JVM started
 * @param heapUsed heap bytes in use (garbage included)
 * @param heapCommitted heap bytes committed
 * @param heapMax the max heap, or -1 if undefined
 * @param metaspaceUsed metaspace bytes in use, or -1 if there is no metaspace pool
 * @param metaspaceMax the metaspace limit, or -1 if unlimited
 * @param loadedClasses classes loaded now
 * @param liveThreads live threads now
 * @param directBytes bytes of direct buffers
 * @param mappedBytes bytes of mapped buffers
 * @param residentBytes the process's resident memory, or -1 where the OS does not say
 * @param directMax the direct buffer limit ({@code MaxDirectMemorySize}, the max heap by
 * default), or -1 if unknown
 * @param memoryLimit the container's memory limit (cgroup), or -1 if there is none
 * @param minHeapFreeRatio the JVM's {@code MinHeapFreeRatio} now, or -1 if unknown
 */
public record MemorySample(long atMillis, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
		long metaspaceMax, long loadedClasses, long liveThreads, long directBytes, long mappedBytes,
		long residentBytes, long directMax, long memoryLimit, int minHeapFreeRatio) {

	/**
	 * A sample of the figures every JVM has, the limits unknown.
	 */
	public MemorySample(long atMillis, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
			long metaspaceMax, long loadedClasses, long liveThreads, long directBytes, long mappedBytes,
			long residentBytes) {
		this(atMillis, heapUsed, heapCommitted, heapMax, metaspaceUsed, metaspaceMax, loadedClasses, liveThreads,
				directBytes, mappedBytes, residentBytes, -1, -1, -1);
	}

	/**
	 * Resident memory outside the heap: what native allocations, thread stacks and code
	 * occupy. The heap's committed part is resident too but is judged as the heap.
	 * @return bytes, or -1 if the OS does not say
	 */
	public long residentOutsideHeap() {
		return (this.residentBytes < 0) ? -1 : Math.max(0, this.residentBytes - this.heapCommitted);
	}

}
