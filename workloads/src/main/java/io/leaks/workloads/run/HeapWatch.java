package io.leaks.workloads.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.management.GcInfo;

/**
 * Tells when the heap is about to be full: the heap in use right after the latest
 * collection, as a share of the max heap. Polled, so it needs no notification listener of
 * its own beside the starter's.
 */
final class HeapWatch {

	private final List<GarbageCollectorMXBean> collectors;

	private final Set<String> heapPools = new HashSet<>();

	private final Map<String, Long> counts = new HashMap<>();

	private final long maxHeap;

	private long latestEnd = -1;

	private double latestShare;

	HeapWatch() {
		this.collectors = ManagementFactory.getGarbageCollectorMXBeans();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				this.heapPools.add(pool.getName());
			}
		}
		this.maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
	}

	/**
	 * The heap in use after the latest collection.
	 * @return a share of the max heap, 0 before the first collection
	 */
	double afterLatestCollection() {
		for (GarbageCollectorMXBean collector : this.collectors) {
			long count = collector.getCollectionCount();
			Long seen = this.counts.put(collector.getName(), count);
			if ((seen == null || seen != count) && collector instanceof com.sun.management.GarbageCollectorMXBean sun) {
				GcInfo info = sun.getLastGcInfo();
				if (info != null && info.getEndTime() >= this.latestEnd) {
					this.latestEnd = info.getEndTime();
					this.latestShare = share(info.getMemoryUsageAfterGc());
				}
			}
		}
		return this.latestShare;
	}

	private double share(Map<String, MemoryUsage> after) {
		long used = 0;
		for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
			if (this.heapPools.contains(pool.getKey())) {
				used += pool.getValue().getUsed();
			}
		}
		return (this.maxHeap > 0) ? (double) used / this.maxHeap : 0;
	}

}
