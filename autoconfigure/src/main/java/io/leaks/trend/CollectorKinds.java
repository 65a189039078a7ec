package io.leaks.trend;

import java.util.Locale;
import java.util.Set;

/**
 * What each collector's notifications mean. Collector and pool names are the JVM's own
 * (the names its {@code GarbageCollectorMXBean}s and {@code MemoryPoolMXBean}s report).
 */
final class CollectorKinds {

	/** G1's old generation pool, where mixed collections reclaim and young ones only promote. */
	static final String G1_OLD_GEN = "G1 Old Gen";

	/**
	 * Causes of collections someone forced rather than the collector started for want of
	 * memory: {@code System.gc()} (the application's, or {@code POST /gc}), class histograms
	 * and heap dumps (the starter's, jcmd's, a profiler's), jcmd's {@code GC.run}, JVMTI
	 * agents and the test-only WhiteBox API.
	 */
	private static final Set<String> FORCED_CAUSES = Set.of("System.gc()", "Heap Inspection Initiated GC",
			"Heap Dump Initiated GC", "Diagnostic Command", "JvmtiEnv ForceGarbageCollection",
			"WhiteBox Initiated Young GC", "WhiteBox Initiated Concurrent Mark", "WhiteBox Initiated Full GC");

	private CollectorKinds() {
	}

	/**
	 * Classifies one collection from all its notification says.
	 * @param notification the collection
	 * @return the kind
	 */
	static CollectionKind classify(GcNotification notification) {
		CollectionKind kind = classify(notification.collector(), notification.action());
		if (kind == CollectionKind.YOUNG && notification.collector().equals("G1 Young Generation")
				&& oldGenerationShrank(notification)) {
			return CollectionKind.MIXED;
		}
		return kind;
	}

	/**
	 * Whether G1's old generation holds less after the collection than before: a young
	 * collection only ever adds to it (promotion), a mixed one evacuates old regions too.
	 * Eager reclaim of dead humongous objects, which young collections also do, lowers it
	 * as well; such a collection also freed dead old data, so it too bounds the floor more
	 * tightly than a young one, which is all a mixed point is taken for.
	 */
	private static boolean oldGenerationShrank(GcNotification notification) {
		GcNotification.PoolUsage old = notification.pool(G1_OLD_GEN);
		return old != null && old.usedAfter() < old.usedBefore();
	}

	/**
	 * Whether a collector measures the floor itself before the heap fills: every one but G1
	 * collects the whole heap when its old generation fills (Serial, Parallel, CMS) or in
	 * concurrent cycles (ZGC, Shenandoah). G1 reclaims old regions in mixed collections that
	 * leave garbage behind, and collects the whole heap only as a last resort.
	 * @param collector the collector's MXBean name
	 * @return whether it does
	 */
	static boolean measuresFloorItself(String collector) {
		return !collector.startsWith("G1 ");
	}

	/**
	 * Whether a collection's cause says someone forced it.
	 * @param cause the notification's cause
	 * @return whether it was forced
	 */
	static boolean isForcedCause(String cause) {
		return FORCED_CAUSES.contains(cause);
	}

	/**
	 * Classifies one collection.
	 * @param collector the collector's MXBean name
	 * @param action the notification's action ({@code end of minor GC}, {@code end of major GC}, ...)
	 * @return the kind
	 */
	static CollectionKind classify(String collector, String action) {
		switch (collector) {
			// G1 reports young and mixed collections under one bean; the action and cause
			// are the same for both, only the old generation's usage tells them apart
			// (see classify(GcNotification)).
			case "G1 Young Generation":
				return CollectionKind.YOUNG;
			// G1's stop-the-world full collection (to-space exhausted, System.gc(), live
			// histograms).
			case "G1 Old Generation":
				return CollectionKind.FULL;
			// G1's remark and cleanup pauses (JDK 20+): no floor in them.
			case "G1 Concurrent GC":
				return CollectionKind.OTHER;
			// Parallel: scavenge of the young generation, then mark-compact of everything.
			case "PS Scavenge":
				return CollectionKind.YOUNG;
			case "PS MarkSweep":
				return CollectionKind.FULL;
			// Serial: copying young collector, mark-sweep-compact of everything.
			case "Copy":
				return CollectionKind.YOUNG;
			case "MarkSweepCompact":
				return CollectionKind.FULL;
			// CMS (JDK 13 and older): ParNew for the young generation; the CMS bean reports
			// whole concurrent cycles as well as foreground full collections.
			case "ParNew":
				return CollectionKind.YOUNG;
			case "ConcurrentMarkSweep":
				return CollectionKind.CONCURRENT;
			// ZGC: every cycle of single-generation ZGC, and every major cycle of
			// generational ZGC (JDK 21+), marks the whole heap concurrently; minor cycles
			// only the young generation; the pause beans report the short pauses.
			case "ZGC Cycles":
			case "ZGC Major Cycles":
				return CollectionKind.CONCURRENT;
			case "ZGC Minor Cycles":
				return CollectionKind.YOUNG;
			case "ZGC Pauses":
			case "ZGC Minor Pauses":
			case "ZGC Major Pauses":
				return CollectionKind.OTHER;
			// Shenandoah: concurrent whole-heap cycles, plus their pauses.
			case "Shenandoah Cycles":
				return CollectionKind.CONCURRENT;
			case "Shenandoah Pauses":
				return CollectionKind.OTHER;
			default:
				return byAction(action);
		}
	}

	/**
	 * Collectors not listed (OpenJ9's {@code scavenge} and {@code global}, future ones)
	 * still say minor or major in their action.
	 */
	private static CollectionKind byAction(String action) {
		String lower = action.toLowerCase(Locale.ROOT);
		if (lower.contains("major")) {
			return CollectionKind.FULL;
		}
		if (lower.contains("minor")) {
			return CollectionKind.YOUNG;
		}
		return CollectionKind.OTHER;
	}

	/**
	 * Whether a heap pool holds long-lived objects, so that its occupancy after a
	 * collection is what leaks fill.
	 * @param pool the pool's MXBean name
	 * @return whether the pool is an old generation (or the single generation of a
	 * single-generation collector)
	 */
	static boolean isLongLived(String pool) {
		// G1 Old Gen, PS Old Gen, CMS Old Gen; Serial's Tenured Gen; ZGC's ZHeap (single
		// generation) and ZGC Old Generation (generational); Shenandoah's single pool;
		// OpenJ9's tenured-SOA, tenured-LOA and balanced-old.
		return pool.endsWith("Old Gen") || pool.endsWith("Tenured Gen") || pool.equals("ZHeap")
				|| pool.equals("ZGC Old Generation") || pool.equals("Shenandoah") || pool.startsWith("tenured")
				|| pool.equals("balanced-old");
	}

}
