package io.leaks.trend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the heap looked like after each collection, kept in bounded memory for the trend
 * analysis: the floor that collections of the old generation reveal, the occupancy after
 * young collections (an upper bound of the floor), and the last few collections as they
 * were. Fed by the GC notification recorder in the running JVM and by the replay harness
 * from recorded logs, so both judge exactly the same data.
 */
public final class GcHistory {

	/** Default points kept per series: weeks of old collections, hours of young ones at full resolution. */
	public static final int DEFAULT_CAPACITY = 1024;

	static final int RECENT = 16;

	private final EnvelopeSeries floor;

	private final EnvelopeSeries young;

	private final ArrayDeque<HeapAfterGc> recent = new ArrayDeque<>(RECENT);

	private final Map<CollectionKind, Long> counts = new EnumMap<>(CollectionKind.class);

	private long lastFloorMillis = Long.MIN_VALUE;

	public GcHistory() {
		this(DEFAULT_CAPACITY);
	}

	public GcHistory(int capacity) {
		this.floor = new EnvelopeSeries(capacity);
		this.young = new EnvelopeSeries(capacity);
	}

	/**
	 * Records one collection.
	 * @param collection the heap after it
	 */
	public synchronized void record(HeapAfterGc collection) {
		if (collection.kind().revealsFloor()) {
			this.floor.add(collection.atMillis(), collection.used());
			this.lastFloorMillis = collection.atMillis();
		}
		else {
			this.young.add(collection.atMillis(), collection.used());
		}
		if (this.recent.size() == RECENT) {
			this.recent.removeFirst();
		}
		this.recent.addLast(collection);
		this.counts.merge(collection.kind(), 1L, Long::sum);
	}

	/**
	 * An immutable copy for one analysis.
	 * @return the series as they are now
	 */
	public synchronized HeapSeries snapshot() {
		return new HeapSeries(this.floor.points(), this.young.points(), new ArrayList<>(this.recent),
				this.lastFloorMillis, new EnumMap<>(this.counts));
	}

	/**
	 * The recorded series, as the analysis sees them.
	 *
	 * @param floor occupancy after collections that reached the old generation
	 * @param young occupancy after young collections and other pauses (upper bounds)
	 * @param recent the last collections, oldest first
	 * @param lastFloorMillis when the old generation was last collected, or
	 * {@link Long#MIN_VALUE} if never
	 * @param counts collections seen, by kind
	 */
	public record HeapSeries(List<Point> floor, List<Point> young, List<HeapAfterGc> recent, long lastFloorMillis,
			Map<CollectionKind, Long> counts) {

		public HeapSeries {
			floor = Collections.unmodifiableList(floor);
			young = Collections.unmodifiableList(young);
			recent = Collections.unmodifiableList(recent);
			counts = Collections.unmodifiableMap(counts);
		}

	}

}
