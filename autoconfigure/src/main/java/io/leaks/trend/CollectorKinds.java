package io.leaks.trend;

import java.util.Locale;

/**
 * What each collector's notifications mean. Collector and pool names are the JVM's own
 * (the names its {@code GarbageCollectorMXBean}s and {@code MemoryPoolMXBean}s report).
 */
final class CollectorKinds {

	private CollectorKinds() {
	}

	/**
	 * Classifies one collection.
	 * @param collector the collector's MXBean name
	 * @param action the notification's action ({@code end of minor GC}, {@code end of major GC}, ...)
	 * @return the kind
	 */
	static CollectionKind classify(String collector, String action) {
		switch (collector) {
			// G1 reports young and mixed collections under one bean, and the notification
			// cannot tell them apart: a shrinking old generation is no sign either, since
			// young collections eagerly reclaim humongous objects, which live there. Both
			// count as young (upper bounds of the floor); live histograms confirm.
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
