package io.leaks.trend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the heap looked like after each collection, kept in bounded memory for the trend
 * analysis: the floor that whole-heap collections reveal, the occupancy after G1's mixed
 * collections and after young collections (upper bounds of the floor, loose to tighter),
 * and the last few collections as they were. Fed by the GC notification recorder in the
 * running JVM and by the replay harness from recorded traces, so both judge the same data.
 */
public final class GcHistory {

	/** Default points kept per series: weeks of old collections, hours of young ones at full resolution. */
	public static final int DEFAULT_CAPACITY = 1024;

	static final int RECENT = 16;

	/** G1's default {@code G1MixedGCCountTarget}: the mixed collections it aims one cycle at. */
	static final int MIXED_CYCLE_STEPS = 8;

	private final EnvelopeSeries floor;

	private final EnvelopeSeries forcedFloor;

	private final EnvelopeSeries mixed;

	private final EnvelopeSeries mixedCycles;

	/** Steps of the cycle of mixed collections under way, 0 when the last collection was no mixed one. */
	private int cycleSteps;

	private final EnvelopeSeries young;

	private final ArrayDeque<HeapAfterGc> recent = new ArrayDeque<>(RECENT);

	private final Map<CollectionKind, Long> counts = new EnumMap<>(CollectionKind.class);

	private boolean collectorMeasuresFloor;

	public GcHistory() {
		this(DEFAULT_CAPACITY);
	}

	public GcHistory(int capacity) {
		this.floor = new EnvelopeSeries(capacity);
		this.forcedFloor = new EnvelopeSeries(capacity);
		this.mixed = new EnvelopeSeries(capacity);
		this.mixedCycles = new EnvelopeSeries(capacity);
		this.young = new EnvelopeSeries(capacity);
	}

	/**
	 * Records one collection.
	 * @param collection the heap after it
	 */
	public synchronized void record(HeapAfterGc collection) {
		switch (collection.kind()) {
			case FULL, CONCURRENT -> ((collection.forced()) ? this.forcedFloor : this.floor).add(collection.atMillis(),
					collection.used());
			case MIXED -> {
				this.mixed.add(collection.atMillis(), collection.used());
				recordCycleStep(collection);
			}
			default -> this.young.add(collection.atMillis(), collection.used());
		}
		if (collection.kind() != CollectionKind.MIXED) {
			this.cycleSteps = 0;
		}
		if (this.recent.size() == RECENT) {
			this.recent.removeFirst();
		}
		this.recent.addLast(collection);
		this.counts.merge(collection.kind(), 1L, Long::sum);
	}

	/**
	 * Notes which collector collected: one that collects the whole heap before the heap
	 * fills measures the floor itself (see {@link HeapSeries#collectorMeasuresFloor()}).
	 * @param measuresFloor whether it does
	 */
	public synchronized void collectedBy(boolean measuresFloor) {
		this.collectorMeasuresFloor |= measuresFloor;
	}

	/**
	 * Counts a mixed collection into its cycle: mixed collections one after the other, with
	 * no other collection between them, each leaving less than the one before, and no more
	 * than G1 aims a cycle at ({@code G1MixedGCCountTarget}, 8). A cycle collects the old
	 * regions one marking found in steps, so it is one measurement of the floor, at its
	 * lowest. A step that leaves more (a young collection that reclaimed a dead humongous
	 * object while promoting garbage, which also lowers the old generation) starts another.
	 */
	private void recordCycleStep(HeapAfterGc collection) {
		if (this.cycleSteps > 0 && this.cycleSteps < MIXED_CYCLE_STEPS
				&& this.mixedCycles.lowerLast(collection.atMillis(), collection.used())) {
			this.cycleSteps++;
		}
		else {
			this.mixedCycles.add(collection.atMillis(), collection.used());
			this.cycleSteps = 1;
		}
	}

	/**
	 * An immutable copy for one analysis.
	 * @return the series as they are now
	 */
	public synchronized HeapSeries snapshot() {
		return new HeapSeries(TrendAnalyzer.merge(this.floor.points(), this.forcedFloor.points()),
				this.forcedFloor.points(), this.mixed.points(), this.mixedCycles.points(), this.young.points(),
				new ArrayList<>(this.recent), new EnumMap<>(this.counts), this.collectorMeasuresFloor);
	}

	/**
	 * The recorded series, as the analysis sees them.
	 *
	 * @param floor occupancy after whole-heap collections (full or concurrent): the floor
	 * @param forced those of them someone forced (live histograms, snapshots, {@code System.gc()}),
	 * which come in bursts: a round of histograms measures one moment, not three
	 * @param mixed occupancy after G1's mixed collections: close to the floor, but garbage
	 * in old regions they skipped can build up for hours
	 * @param mixedCycles the same, each cycle of them counted once, at its lowest
	 * @param young occupancy after young collections and other pauses (upper bounds)
	 * @param recent the last collections, oldest first
	 * @param counts collections seen, by kind
	 * @param collectorMeasuresFloor whether the collector measures the floor itself before
	 * the heap fills: every collector but G1 collects the whole heap when its old generation
	 * fills (Serial, Parallel) or in concurrent cycles (ZGC, Shenandoah); G1's mixed
	 * collections leave garbage behind and it collects the whole heap only as a last resort
	 */
	public record HeapSeries(List<Point> floor, List<Point> forced, List<Point> mixed, List<Point> mixedCycles,
			List<Point> young, List<HeapAfterGc> recent, Map<CollectionKind, Long> counts,
			boolean collectorMeasuresFloor) {

		public HeapSeries {
			floor = Collections.unmodifiableList(floor);
			forced = Collections.unmodifiableList(forced);
			mixed = Collections.unmodifiableList(mixed);
			mixedCycles = Collections.unmodifiableList(mixedCycles);
			young = Collections.unmodifiableList(young);
			recent = Collections.unmodifiableList(recent);
			counts = Collections.unmodifiableMap(counts);
		}

		/**
		 * Everything that bounds the floor from close by: whole-heap collections and the
		 * cycles of mixed ones (the steps of one cycle would only add a decline to a trend,
		 * hiding the rise between cycles).
		 * @return their points in time order
		 */
		public List<Point> oldGeneration() {
			return TrendAnalyzer.merge(this.floor, this.mixedCycles);
		}

		/**
		 * The floor with each burst of forced collections counted once (its lowest point):
		 * the evidence a trend of the floor can rest on.
		 * @param burstMillis how close forced collections must follow each other to be one burst
		 * @return the points in time order
		 */
		public List<Point> independentFloor(long burstMillis) {
			List<Point> unforced = new ArrayList<>();
			int f = 0;
			for (Point point : this.floor) {
				if (f < this.forced.size() && this.forced.get(f).equals(point)) {
					f++;
				}
				else {
					unforced.add(point);
				}
			}
			List<Point> bursts = new ArrayList<>();
			for (Point point : this.forced) {
				Point last = bursts.isEmpty() ? null : bursts.get(bursts.size() - 1);
				if (last != null && point.atMillis() - last.atMillis() <= burstMillis) {
					if (point.value() < last.value()) {
						bursts.set(bursts.size() - 1, point);
					}
				}
				else {
					bursts.add(point);
				}
			}
			return TrendAnalyzer.merge(unforced, bursts);
		}

	}

}
