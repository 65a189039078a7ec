package io.leaks.trend;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One garbage collection as the JVM's GC notification reports it, reduced to plain values:
 * what the {@link GcEventRecorder} receives in a running service, and what a recorded trace
 * holds and replays.
 *
 * @param collector the collector bean's name ({@code G1 Young Generation}, {@code PS MarkSweep}, ...)
 * @param action the notification's action ({@code end of minor GC}, {@code end of major GC}, ...)
 * @param cause the cause ({@code G1 Evacuation Pause}, {@code System.gc()}, {@code Heap Inspection Initiated GC}, ...)
 * @param startMillis when it started, milliseconds since the JVM started
 * @param endMillis when it ended, milliseconds since the JVM started
 * @param durationMillis how long it took
 * @param pools every heap pool's usage before and after
 */
public record GcNotification(String collector, String action, String cause, long startMillis, long endMillis,
		long durationMillis, List<PoolUsage> pools) {

	public GcNotification {
		pools = List.copyOf(pools);
	}

	/**
	 * Heap in use afterwards.
	 * @return bytes used in all heap pools after the collection
	 */
	public long usedAfter() {
		long used = 0;
		for (PoolUsage pool : this.pools) {
			used += pool.usedAfter();
		}
		return used;
	}

	/**
	 * Heap in use before.
	 * @return bytes used in all heap pools before the collection
	 */
	public long usedBefore() {
		long used = 0;
		for (PoolUsage pool : this.pools) {
			used += pool.usedBefore();
		}
		return used;
	}

	/**
	 * Heap committed afterwards.
	 * @return bytes committed in all heap pools after the collection
	 */
	public long committedAfter() {
		long committed = 0;
		for (PoolUsage pool : this.pools) {
			committed += pool.committedAfter();
		}
		return committed;
	}

	/**
	 * The usage of one pool.
	 * @param name the pool's name
	 * @return its usage, or {@code null} if the collection did not report that pool
	 */
	public @Nullable PoolUsage pool(String name) {
		for (PoolUsage pool : this.pools) {
			if (pool.pool().equals(name)) {
				return pool;
			}
		}
		return null;
	}

	/**
	 * Whether the collection was forced by someone rather than started by the collector
	 * for want of memory: {@code System.gc()}, a class histogram or heap dump (the
	 * starter's, jcmd's, a user's), or a diagnostic command. Such a collection still
	 * reveals the floor, but says nothing about memory pressure.
	 * @return whether the cause is a forced one
	 */
	public boolean forced() {
		return CollectorKinds.isForcedCause(this.cause);
	}

	/**
	 * One heap pool's usage around a collection.
	 *
	 * @param pool the pool's name
	 * @param usedBefore bytes used before
	 * @param committedBefore bytes committed before
	 * @param usedAfter bytes used after
	 * @param committedAfter bytes committed after
	 * @param max the pool's max, or -1 if undefined
	 */
	public record PoolUsage(String pool, long usedBefore, long committedBefore, long usedAfter, long committedAfter,
			long max) {

	}

}
