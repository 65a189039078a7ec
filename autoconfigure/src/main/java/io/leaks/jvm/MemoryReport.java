package io.leaks.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The JVM's memory right now, read from the standard platform MXBeans (present on every
 * JVM, HotSpot or not).
 *
 * @param heap the heap
 * @param nonHeap non-heap memory (metaspace, code cache, ...)
 * @param pools each memory pool
 * @param collectors each garbage collector
 * @param pendingFinalization objects waiting for finalization: the nearest counterpart of
 * Python's {@code gc.garbage}
 */
public record MemoryReport(MemoryFigures heap, MemoryFigures nonHeap, List<Pool> pools, List<Collector> collectors,
		int pendingFinalization) {

	/**
	 * Reads the current figures.
	 * @return the report
	 */
	public static MemoryReport read() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		List<Pool> pools = new ArrayList<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage afterGc = pool.getCollectionUsage();
			pools.add(new Pool(pool.getName(), pool.getType().name(), MemoryFigures.of(pool.getUsage()),
					(afterGc != null) ? afterGc.getUsed() : null));
		}
		List<Collector> collectors = new ArrayList<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collectors.add(new Collector(collector.getName(), collector.getCollectionCount(),
					collector.getCollectionTime(), List.of(collector.getMemoryPoolNames())));
		}
		return new MemoryReport(MemoryFigures.of(memory.getHeapMemoryUsage()),
				MemoryFigures.of(memory.getNonHeapMemoryUsage()), pools, collectors,
				memory.getObjectPendingFinalizationCount());
	}

	/**
	 * A memory pool.
	 *
	 * @param name the pool's name ({@code G1 Old Gen})
	 * @param type {@code HEAP} or {@code NON_HEAP}
	 * @param usage its usage now
	 * @param usedAfterLastGc bytes in use right after the last collection of this pool, if
	 * the JVM reports it
	 */
	public record Pool(String name, String type, MemoryFigures usage, @Nullable Long usedAfterLastGc) {

	}

	/**
	 * A garbage collector.
	 *
	 * @param name the collector's name ({@code G1 Young Generation})
	 * @param count collections so far
	 * @param timeMillis accumulated collection time
	 * @param pools pools it collects
	 */
	public record Collector(String name, long count, long timeMillis, List<String> pools) {

	}

}
