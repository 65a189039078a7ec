package io.leaks.workloads.scenario;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The heap a scenario finds when it starts, which its default sizes and rates follow.
 *
 * @param max the max heap in bytes
 * @param inUse bytes in use when the scenario starts (after the last collection where known)
 * @param reserved bytes set aside for the background load's medium-lived objects
 */
public record HeapSizing(long max, long inUse, long reserved) {

	public HeapSizing {
		if (max <= 0) {
			throw new IllegalArgumentException("the max heap must be known and positive, was " + max);
		}
	}

	/**
	 * The heap of this JVM now.
	 * @param reserved bytes the background load will hold
	 * @return the sizing
	 */
	public static HeapSizing ofThisJvm(long reserved) {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long afterGc = 0;
		boolean known = false;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage collected = (pool.getType() == MemoryType.HEAP) ? pool.getCollectionUsage() : null;
			if (collected != null && collected.getUsed() > 0) {
				afterGc += collected.getUsed();
				known = true;
			}
		}
		return new HeapSizing(heap.getMax(), known ? Math.min(afterGc, heap.getUsed()) : heap.getUsed(), reserved);
	}

	/**
	 * What the scenario may fill: the max heap less what is in use and what the background
	 * holds.
	 * @return bytes, at least a tenth of the max heap
	 */
	public long free() {
		return Math.max(this.max / 10, this.max - this.inUse - this.reserved);
	}

}
