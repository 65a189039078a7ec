package io.leaks.gc;

import java.util.List;

import io.leaks.jvm.MemoryFigures;

/**
 * What a requested collection did.
 *
 * @param performed whether a collection was requested from the JVM
 * @param explicitGcDisabled whether the JVM runs with {@code -XX:+DisableExplicitGC}, so
 * {@code System.gc()} does nothing
 * @param concurrent whether the JVM runs with {@code -XX:+ExplicitGCInvokesConcurrent}, so
 * the request starts a concurrent cycle instead of a stop-the-world full collection
 * @param heapBefore heap before the collection
 * @param heapAfter heap after the collection
 * @param durationMillis how long the request took
 * @param collections collections each collector ran during the request
 * @param message a sentence for humans about what happened
 */
public record GcReport(boolean performed, boolean explicitGcDisabled, boolean concurrent, MemoryFigures heapBefore,
		MemoryFigures heapAfter, long durationMillis, List<CollectorActivity> collections, String message) {

	public long freedBytes() {
		return Math.max(0, this.heapBefore.used() - this.heapAfter.used());
	}

	/**
	 * Work of one collector.
	 *
	 * @param collector the collector's name ({@code G1 Old Generation})
	 * @param count collections it ran
	 * @param timeMillis time it spent
	 */
	public record CollectorActivity(String collector, long count, long timeMillis) {

	}

}
