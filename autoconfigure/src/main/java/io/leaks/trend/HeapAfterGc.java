package io.leaks.trend;

/**
 * The heap right after one garbage collection: what the trend analysis needs of it.
 *
 * @param atMillis when the collection ended, milliseconds since the JVM started
 * @param kind what the collection collected
 * @param used bytes of the whole heap in use afterwards
 * @param committed bytes of heap the JVM had committed afterwards
 */
public record HeapAfterGc(long atMillis, CollectionKind kind, long used, long committed) {

}
