package io.leaks.analysis;

/**
 * What the analyzer's JVM used, measured by itself as it finished.
 *
 * @param maxHeapBytes its heap limit
 * @param peakHeapBytes the sum of its heap pools' peaks (an upper bound of the peak heap
 * in use)
 * @param peakRssBytes its peak resident memory, which includes the dump and index files it
 * maps; -1 where the OS does not tell
 * @param cpuMillis CPU time it used
 * @param indexBytes disk space its index took
 */
public record AnalyzerFigures(long maxHeapBytes, long peakHeapBytes, long peakRssBytes, long cpuMillis,
		long indexBytes) {

}
