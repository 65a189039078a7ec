package io.leaks.trend;

/**
 * The heap right after one garbage collection: what the trend analysis needs of it.
 *
 * @param atMillis when the collection ended, milliseconds since the JVM started
 * @param kind what the collection collected
 * @param used bytes of the whole heap in use afterwards
 * @param committed bytes of heap the JVM had committed afterwards
 * @param forced whether someone forced it ({@code System.gc()}, a histogram, a heap dump)
 * rather than the collector starting it for want of memory
 */
public record HeapAfterGc(long atMillis, CollectionKind kind, long used, long committed, boolean forced) {

	public HeapAfterGc(long atMillis, CollectionKind kind, long used, long committed) {
		this(atMillis, kind, used, committed, false);
	}

}
