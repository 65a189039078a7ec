package io.leaks.trend;

import java.util.List;

/**
 * One garbage collection as its notification told it, kept for the history charts.
 *
 * @param atMillis when it ended, milliseconds since the JVM started
 * @param collector the collector's MXBean name ({@code G1 Young Generation})
 * @param action what the JVM called it ({@code end of minor GC})
 * @param cause why it ran ({@code G1 Evacuation Pause}, {@code System.gc()})
 * @param kind what it collected
 * @param durationMillis how long it took
 * @param heapBefore heap bytes in use before
 * @param heapAfter heap bytes in use after
 * @param heapCommitted heap bytes committed after
 * @param pools each heap pool before and after
 */
public record GcEvent(long atMillis, String collector, String action, String cause, CollectionKind kind,
		long durationMillis, long heapBefore, long heapAfter, long heapCommitted, List<PoolChange> pools) {

	public GcEvent {
		pools = List.copyOf(pools);
	}

	/**
	 * One pool across the collection.
	 *
	 * @param pool the pool's MXBean name
	 * @param before bytes in use before
	 * @param after bytes in use after
	 */
	public record PoolChange(String pool, long before, long after) {

	}

}
