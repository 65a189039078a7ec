package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.LongUnaryOperator;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;

/**
 * A heap that behaves like a generational collector's, for judging the watch over hours
 * of simulated time and many random seeds: the application keeps a live set that follows
 * a scenario, allocates garbage that young collections reclaim, and promotes medium-lived
 * data that dies in the old generation, where only old collections reclaim it. Each
 * collection arrives as the GC notification a real JVM sends; a live histogram forces a
 * full collection and counts the live set (plus noise), with the scenario's own class
 * growing with it.
 */
final class SimulatedJvm implements MemorySource, LiveHistograms {

	static final long MB = 1024 * 1024;

	private final Random random;

	private final Collector collector;

	private final long maxHeap;

	private final LongUnaryOperator live;

	private final GcEventRecorder recorder;

	/** Garbage allocated per second, bytes (what young collections reclaim). */
	double allocationPerSecond = 40 * MB;

	/** Medium-lived data promoted per second, bytes, that dies in the old generation. */
	double promotedPerSecond = 0.5 * MB;

	/**
	 * Entries a cache inserts per second, bytes, each evicting an old one once it is full:
	 * while it fills they are live; after that each insert promotes the entry it evicts
	 * into the old generation as garbage, so the heap after young collections climbs on at
	 * the same pace (what a bounded cache does on a large heap between old collections).
	 */
	double cacheInsertsPerSecond = 0;

	/** Eden's size: young collections come every eden / allocation seconds. */
	long eden = 64 * MB;

	/** Scatter of the live set around the scenario, bytes. */
	double liveNoise = 0.5 * MB;

	/** Bytes of the scenario's leaking class per instance, for the histograms. */
	long leakedObjectBytes = 2048;

	private long now;

	private long nextYoung;

	private long oldGarbage;

	private long mixedLeft;

	private long markDoneAt = Long.MAX_VALUE;

	private long nextZgcCycle;

	private final List<Long> forced = new ArrayList<>();

	private final long baseline;

	SimulatedJvm(long seed, Collector collector, long maxHeap, LongUnaryOperator live, GcEventRecorder recorder) {
		this.random = new Random(seed);
		this.collector = collector;
		this.maxHeap = maxHeap;
		this.live = live;
		this.recorder = recorder;
		this.baseline = live.applyAsLong(0);
		this.nextYoung = youngInterval();
		this.nextZgcCycle = 60_000;
	}

	long now() {
		return this.now;
	}

	/**
	 * Runs the application until a moment, sending the collections on the way.
	 * @param millis milliseconds since start
	 * @return whether the heap is still not exhausted
	 */
	boolean advanceTo(long millis) {
		while (this.nextYoung <= millis) {
			long at = this.nextYoung;
			this.oldGarbage += (long) (this.promotedPerSecond * youngInterval() / 1000.0);
			if (this.cacheInsertsPerSecond > 0) {
				long grown = this.live.applyAsLong(at) - this.live.applyAsLong(Math.max(0, at - youngInterval()));
				this.oldGarbage += Math.max(0, (long) (this.cacheInsertsPerSecond * youngInterval() / 1000.0) - grown);
			}
			this.now = at;
			if (live(at) >= this.maxHeap * 0.98) {
				return false;
			}
			collect(at);
			this.nextYoung = at + youngInterval();
		}
		this.now = millis;
		return live(millis) < this.maxHeap * 0.98;
	}

	private void collect(long at) {
		long old = observed(at) + this.oldGarbage;
		switch (this.collector) {
			case G1 -> {
				if (old + this.eden >= this.maxHeap) {
					full(at, "G1 Old Generation", "Allocation Failure");
					return;
				}
				if (this.mixedLeft > 0 && at >= this.markDoneAt) {
					long before = old;
					this.oldGarbage = (long) (this.oldGarbage * 0.5);
					this.mixedLeft--;
					young(at, "G1 Young Generation", before, observed(at) + this.oldGarbage);
					return;
				}
				if (this.mixedLeft == 0 && old >= 0.45 * this.maxHeap) {
					this.mixedLeft = 6;
					this.markDoneAt = at + 5_000;
				}
				young(at, "G1 Young Generation", old, old);
			}
			case PARALLEL -> {
				if (old >= this.maxHeap * 2 / 3) {
					full(at, "PS MarkSweep", "Ergonomics");
				}
				else {
					young(at, "PS Scavenge", old, old);
				}
			}
			case ZGC -> {
				if (at >= this.nextZgcCycle || old >= 0.7 * this.maxHeap) {
					this.oldGarbage = (long) (this.allocationPerSecond * 0.5);
					this.nextZgcCycle = at + 60_000 + this.random.nextInt(30_000);
					notification(at, "ZGC Cycles", "end of GC cycle", "Proactive", observed(at) + this.oldGarbage);
				}
			}
		}
	}

	private void young(long at, String bean, long oldBefore, long oldAfter) {
		long survivors = (long) (this.random.nextDouble() * 4 * MB);
		this.recorder.record(new GcNotification(bean, "end of minor GC", "G1 Evacuation Pause", at - 5, at, 5,
				List.of(pool(pools()[0], this.eden, 0), pool(pools()[1], survivors, survivors),
						pool(pools()[2], oldBefore, oldAfter + survivors))));
	}

	private void full(long at, String bean, String cause) {
		this.oldGarbage = 0;
		this.mixedLeft = 0;
		notification(at, bean, "end of major GC", cause, observed(at));
	}

	private void notification(long at, String bean, String action, String cause, long used) {
		String[] pools = pools();
		List<GcNotification.PoolUsage> usage = new ArrayList<>();
		for (int i = 0; i < pools.length - 1; i++) {
			usage.add(pool(pools[i], this.eden, 0));
		}
		usage.add(pool(pools[pools.length - 1], used + this.eden, used));
		this.recorder.record(new GcNotification(bean, action, cause, at - 50, at, 50, usage));
	}

	private GcNotification.PoolUsage pool(String name, long before, long after) {
		return new GcNotification.PoolUsage(name, before, this.maxHeap / 2, after, this.maxHeap / 2, this.maxHeap);
	}

	private String[] pools() {
		return switch (this.collector) {
			case G1 -> new String[] { "G1 Eden Space", "G1 Survivor Space", "G1 Old Gen" };
			case PARALLEL -> new String[] { "PS Eden Space", "PS Survivor Space", "PS Old Gen" };
			case ZGC -> new String[] { "ZHeap" };
		};
	}

	private long youngInterval() {
		return (long) (this.eden / this.allocationPerSecond * 1000 * (0.8 + 0.4 * this.random.nextDouble()));
	}

	/** The live set the scenario keeps now. */
	long live(long at) {
		return this.live.applyAsLong(at);
	}

	/** The live set as a collection finds it: the scenario's, plus what requests hold at that moment. */
	private long observed(long at) {
		return Math.max(0, live(at) + (long) (Math.abs(this.random.nextGaussian()) * this.liveNoise));
	}

	/**
	 * Forces a full collection, as a user's live snapshot or {@code System.gc()} does.
	 * @param cause the cause it reports
	 */
	void forceFullCollection(String cause) {
		this.oldGarbage = 0;
		this.mixedLeft = 0;
		String bean = switch (this.collector) {
			case G1 -> "G1 Old Generation";
			case PARALLEL -> "PS MarkSweep";
			case ZGC -> "ZGC Cycles";
		};
		notification(this.now, bean, (this.collector == Collector.ZGC) ? "end of GC cycle" : "end of major GC",
				cause, observed(this.now));
	}

	@Override
	public boolean isAvailable() {
		return true;
	}

	/** Which captures (counted from 1) fail after their collection, as a heap walk can. */
	IntPredicate failingCapture = (capture) -> false;

	@Override
	public ClassHistogram capture() {
		this.forced.add(this.now);
		forceFullCollection("Heap Inspection Initiated GC");
		if (this.failingCapture.test(this.forced.size())) {
			throw new IllegalStateException("simulated failure of a heap walk");
		}
		long total = Math.max(0, live(this.now) + (long) (this.random.nextGaussian() * this.liveNoise));
		long leaked = Math.max(0, live(this.now) - this.baseline);
		long leakedObjects = leaked / (this.leakedObjectBytes + 1024);
		long retained = (leakedObjects + 1) * this.leakedObjectBytes;
		long strings = Math.max(0, (total - retained) / 8);
		long arrays = Math.max(0, total - retained - strings - 16_000);
		return new ClassHistogram(List.of(new HistogramEntry("[B", "java.base@17", 100_000 + leakedObjects, arrays),
				new HistogramEntry("java.lang.String", "java.base@17", 80_000 + leakedObjects, strings),
				new HistogramEntry("com.example.Scenario$Retained", null, leakedObjects + 1, retained),
				new HistogramEntry("com.example.Steady", null, 500 + this.random.nextInt(50), 16_000)), -1, total);
	}

	/** Times the watch forced a collection through {@link #capture()}. */
	List<Long> forced() {
		return this.forced;
	}

	@Override
	public MemorySample sample(long atMillis) {
		long used = live(atMillis) + this.oldGarbage + (long) (this.random.nextDouble() * this.eden);
		return new MemorySample(atMillis, used, this.maxHeap / 2, this.maxHeap, 80 * MB, -1, 12_000, 40, 0, 0,
				-1, this.maxHeap, -1, 40);
	}

	enum Collector {

		G1, PARALLEL, ZGC

	}

}
