package io.leaks.gc;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leaks.jvm.MemoryFigures;
import io.leaks.unit.ByteSize;

/**
 * Runs a garbage collection on request and reports what it freed. Only ever called for a
 * user's explicit request: the starter never collects on its own in steady state.
 */
public final class GcTrigger {

	private final VmFlagAccess flags;

	private final CollectionGuard guard;

	public GcTrigger(VmFlagAccess flags, CollectionGuard guard) {
		this.flags = flags;
		this.guard = guard;
	}

	/**
	 * Whether {@code System.gc()} is ignored by this JVM.
	 * @return whether the JVM runs with {@code -XX:+DisableExplicitGC}
	 */
	public boolean isExplicitGcDisabled() {
		return isTrue("DisableExplicitGC");
	}

	/**
	 * Requests a collection, one at a time.
	 * @return what it freed, or why nothing was done
	 * @throws CollectionGuard.CollectionInProgressException if another forced collection
	 * runs
	 */
	public GcReport collect() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		if (isExplicitGcDisabled()) {
			MemoryFigures heap = MemoryFigures.of(memory.getHeapMemoryUsage());
			return new GcReport(false, true, false, heap, heap, 0, List.of(),
					"Explicit GC is disabled (-XX:+DisableExplicitGC): System.gc() would do nothing, so no collection "
							+ "was requested. A live snapshot (liveOnly=true) still forces a full collection.");
		}
		boolean concurrent = isTrue("ExplicitGCInvokesConcurrent");
		return this.guard.run(ForcedCollections.Reason.GC, () -> {
			Map<String, long[]> before = collectorTotals();
			MemoryFigures heapBefore = MemoryFigures.of(memory.getHeapMemoryUsage());
			long start = System.nanoTime();
			memory.gc();
			long durationMillis = (System.nanoTime() - start) / 1_000_000;
			MemoryFigures heapAfter = MemoryFigures.of(memory.getHeapMemoryUsage());
			List<GcReport.CollectorActivity> activity = new ArrayList<>();
			collectorTotals().forEach((name, totals) -> {
				long[] earlier = before.getOrDefault(name, new long[2]);
				activity.add(new GcReport.CollectorActivity(name, totals[0] - earlier[0], totals[1] - earlier[1]));
			});
			String message = String.format("Freed %s in %d ms%s",
					ByteSize.format(Math.max(0, heapBefore.used() - heapAfter.used())), durationMillis, concurrent ? " (concurrent cycle: -XX:+ExplicitGCInvokesConcurrent)" : "");
			return new GcReport(true, false, concurrent, heapBefore, heapAfter, durationMillis, activity, message);
		});
	}

	private boolean isTrue(String flag) {
		return this.flags.find(flag).map(VmFlag::value).map(Boolean::parseBoolean).orElse(false);
	}

	private static Map<String, long[]> collectorTotals() {
		Map<String, long[]> totals = new LinkedHashMap<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			totals.put(collector.getName(),
					new long[] { Math.max(0, collector.getCollectionCount()), Math.max(0, collector.getCollectionTime()) });
		}
		return totals;
	}

}
