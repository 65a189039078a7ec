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
 */
public record MemorySample(long atMillis, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
		long metaspaceMax, long loadedClasses, long liveThreads, long directBytes, long mappedBytes,
		long residentBytes) {

}
