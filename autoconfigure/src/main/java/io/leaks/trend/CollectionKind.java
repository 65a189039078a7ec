package io.leaks.trend;

/**
 * What a garbage collection collected, which decides what its after-GC occupancy tells
 * about the data the application really retains.
 */
public enum CollectionKind {

	/**
	 * Only the young generation: occupancy afterwards still counts every dead object
	 * already promoted, so it is an upper bound of the live data and can climb for hours
	 * before an old collection drops it.
	 */
	YOUNG,

	/**
	 * Young generation plus part of the old one (G1's mixed collections): closer to the
	 * live data than a young collection, still an upper bound.
	 */
	MIXED,

	/** A stop-the-world collection of the whole heap: occupancy afterwards is the live data. */
	FULL,

	/**
	 * A concurrent collection of the whole heap (ZGC, Shenandoah): occupancy afterwards is
	 * the live data plus what was allocated while it ran.
	 */
	CONCURRENT,

	/** Pauses inside a concurrent cycle (remark, cleanup): they say little about the live data. */
	OTHER;

	/**
	 * Classifies a collection as the running starter does.
	 * @param notification the collection
	 * @return its kind
	 */
	public static CollectionKind of(GcNotification notification) {
		return CollectorKinds.classify(notification);
	}

	/**
	 * Whether the collection reached the old generation, so that its after-GC occupancy
	 * shows the floor of retained data rather than promoted garbage.
	 * @return whether this kind reveals the floor
	 */
	public boolean revealsFloor() {
		return this == MIXED || this == FULL || this == CONCURRENT;
	}

	/**
	 * Whether the collection tried to reclaim the whole heap.
	 * @return whether this kind collects everything
	 */
	public boolean wholeHeap() {
		return this == FULL || this == CONCURRENT;
	}

}
