package io.leaks.trend;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification classification, floor recognition, pressure, and whether a live histogram
 * collects, on the collector this JVM runs. Runs in the default test JVM (G1) and again under Parallel, Serial, ZGC and
 * Shenandoah (the {@code collectors-*} surefire executions), and on Java 25, where ZGC is
 * generational only.
 */
@Tag("collectors")
@Tag("core")
class RunningCollectorTests {

	/** Retained by the pressure test, released after it. */
	static volatile List<byte[]> retained;

	/** Written to so the allocations are not optimised away. */
	static volatile byte[] sink;

	private static final String HEAP_INSPECTION = "Heap Inspection Initiated GC";

	private final GcHistory history = new GcHistory();

	private final GcEventRecorder recorder = new GcEventRecorder(this.history, 256);

	private final Expected expected = Expected.forRunningJvm();

	@AfterEach
	void close() {
		this.recorder.close();
		retained = null;
	}

	@Test
	void everyCollectorBeanShouldBeClassifiedByItsName() {
		Map<String, CollectionKind> kinds = new TreeMap<>();
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			// An action no collector uses: only the name can decide.
			kinds.put(bean.getName(), CollectorKinds.classify(bean.getName(), "end of something"));
		}
		assertThat(kinds).as("collector beans of " + this.expected).isEqualTo(this.expected.kinds());
	}

	@Test
	void exactlyTheOldGenerationShouldBeTheLongLivedPool() {
		Set<String> longLived = new TreeSet<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && CollectorKinds.isLongLived(pool.getName())) {
				longLived.add(pool.getName());
			}
		}
		assertThat(longLived).containsExactly(this.expected.longLivedPool());
	}

	@Test
	void allocatingShouldBeRecordedAsTheCollectorsRoutineCollection() {
		assertThat(this.recorder.start()).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			allocate(64);
			return routine() != null;
		});
		GcEvent routine = routine();
		CollectionKind byName = this.expected.kinds().get(this.expected.routine());
		// A G1 young collection that also shrank the old generation counts as mixed.
		assertThat(routine.kind()).isIn(byName, this.expected.name().equals("G1") ? CollectionKind.MIXED : byName);
		assertThat(routine.pools()).extracting(GcEvent.PoolChange::pool).contains(this.expected.longLivedPool());
		assertThat(routine.heapCommitted()).isGreaterThanOrEqualTo(routine.heapAfter());
	}

	@Test
	void explicitCollectionShouldRevealTheFloor() {
		assertThat(this.recorder.start()).isTrue();
		System.gc();
		GcEvent whole = awaitWhole("System.gc()");
		assertThat(whole.kind().revealsFloor()).as(whole.collector() + " reveals the floor").isTrue();
		assertThat(this.history.snapshot().floor()).extracting(Point::value).contains(whole.heapAfter());
	}

	@Test
	void liveHistogramShouldCollectExactlyWhereTheCollectorDoes() {
		assertThat(this.recorder.start()).isTrue();
		new DiagnosticCommandHistogramSampler(ManagementFactory.getPlatformMBeanServer()).sample(true);
		if (this.expected.histogramCollects()) {
			GcEvent whole = awaitWhole(HEAP_INSPECTION);
			assertThat(this.history.snapshot().floor()).extracting(Point::value).contains(whole.heapAfter());
		}
		else {
			// ZGC and Shenandoah on JDK 17 walk only reachable objects without collecting.
			System.gc();
			awaitWhole("System.gc()");
			assertThat(this.recorder.events()).extracting(GcEvent::cause).doesNotContain(HEAP_INSPECTION);
		}
	}

	@Test
	void retainedHeapShouldStayInTheFloorAndLeaveItWhenReleased() {
		long max = Runtime.getRuntime().maxMemory();
		// 40%: ZGC needs headroom to collect concurrently on a 256 MB heap.
		retain(max * 2 / 5);
		assertThat(this.recorder.start()).isTrue();
		System.gc();
		GcEvent pressed = awaitWhole("System.gc()");
		assertThat((double) pressed.heapAfter() / max).as("floor under pressure, share of the max heap")
			.isGreaterThanOrEqualTo(0.38);
		retained = null;
		int before = this.recorder.events().size();
		System.gc();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.recorder.events()
				.stream()
				.skip(before)
				.anyMatch((event) -> event.collector().equals(this.expected.whole())
						&& event.heapAfter() < pressed.heapAfter() - max / 4));
	}

	private GcEvent awaitWhole(String cause) {
		await().atMost(Duration.ofSeconds(30)).until(() -> whole(cause) != null);
		return whole(cause);
	}

	private GcEvent whole(String cause) {
		GcEvent last = null;
		for (GcEvent event : this.recorder.events()) {
			if (event.collector().equals(this.expected.whole()) && event.cause().equals(cause)) {
				last = event;
			}
		}
		return last;
	}

	private GcEvent routine() {
		return lastOf(this.expected.routine());
	}

	private GcEvent lastOf(String collector) {
		GcEvent last = null;
		for (GcEvent event : this.recorder.events()) {
			if (event.collector().equals(collector)) {
				last = event;
			}
		}
		return last;
	}

	/** In a method of its own, so that no local variable of the test keeps it reachable. */
	private static void retain(long bytes) {
		List<byte[]> chunks = new ArrayList<>();
		for (long held = 0; held < bytes; held += 1024 * 1024) {
			chunks.add(new byte[1024 * 1024]);
		}
		retained = chunks;
	}

	private static void allocate(int megabytes) {
		for (int i = 0; i < megabytes; i++) {
			sink = new byte[1024 * 1024];
		}
	}

	/**
	 * What each collector's beans and pools are called and mean, as the JVM reports them.
	 *
	 * @param name the collector
	 * @param kinds every collector bean and its kind
	 * @param routine the bean that reports the collections allocation causes
	 * @param whole the bean that reports a forced whole-heap collection
	 * @param longLivedPool the heap pool leaks fill
	 * @param histogramCollects whether a live class histogram runs a whole-heap collection
	 */
	record Expected(String name, Map<String, CollectionKind> kinds, String routine, String whole,
			String longLivedPool, boolean histogramCollects) {

		static Expected forRunningJvm() {
			Set<String> beans = new TreeSet<>();
			ManagementFactory.getGarbageCollectorMXBeans().forEach((bean) -> beans.add(bean.getName()));
			if (beans.contains("G1 Young Generation")) {
				// JDK 20+ adds a bean for G1's concurrent remark and cleanup pauses.
				Map<String, CollectionKind> kinds = new TreeMap<>(Map.of("G1 Young Generation", CollectionKind.YOUNG,
						"G1 Old Generation", CollectionKind.FULL));
				if (Runtime.version().feature() >= 20) {
					kinds.put("G1 Concurrent GC", CollectionKind.OTHER);
				}
				return new Expected("G1", kinds, "G1 Young Generation", "G1 Old Generation", "G1 Old Gen", true);
			}
			if (beans.contains("PS Scavenge")) {
				return new Expected("Parallel", Map.of("PS Scavenge", CollectionKind.YOUNG, "PS MarkSweep",
						CollectionKind.FULL), "PS Scavenge", "PS MarkSweep", "PS Old Gen", true);
			}
			if (beans.contains("Copy")) {
				return new Expected("Serial", Map.of("Copy", CollectionKind.YOUNG, "MarkSweepCompact",
						CollectionKind.FULL), "Copy", "MarkSweepCompact", "Tenured Gen", true);
			}
			if (beans.contains("ZGC Cycles")) {
				return new Expected("ZGC", Map.of("ZGC Cycles", CollectionKind.CONCURRENT, "ZGC Pauses",
						CollectionKind.OTHER), "ZGC Cycles", "ZGC Cycles", "ZHeap", false);
			}
			if (beans.contains("ZGC Major Cycles")) {
				return new Expected("generational ZGC", Map.of("ZGC Minor Cycles", CollectionKind.YOUNG,
						"ZGC Minor Pauses", CollectionKind.OTHER, "ZGC Major Cycles", CollectionKind.CONCURRENT,
						"ZGC Major Pauses", CollectionKind.OTHER), "ZGC Minor Cycles", "ZGC Major Cycles",
						"ZGC Old Generation", true);
			}
			if (beans.contains("Shenandoah Cycles")) {
				return new Expected("Shenandoah", Map.of("Shenandoah Cycles", CollectionKind.CONCURRENT,
						"Shenandoah Pauses", CollectionKind.OTHER), "Shenandoah Cycles", "Shenandoah Cycles",
						"Shenandoah", false);
			}
			throw new IllegalStateException("A collector these tests do not know: " + beans);
		}

	}

}
