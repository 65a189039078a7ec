package io.leaks.trend;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("core")
class CollectorKindsTests {

	@ParameterizedTest
	@CsvSource({ "G1 Old Generation, end of major GC, FULL", "G1 Concurrent GC, end of concurrent GC pause, OTHER",
			"PS Scavenge, end of minor GC, YOUNG", "PS MarkSweep, end of major GC, FULL", "Copy, end of minor GC, YOUNG",
			"MarkSweepCompact, end of major GC, FULL", "ParNew, end of minor GC, YOUNG",
			"ConcurrentMarkSweep, end of major GC, CONCURRENT", "ZGC Cycles, end of GC cycle, CONCURRENT",
			"ZGC Pauses, end of GC pause, OTHER", "ZGC Major Cycles, end of GC cycle, CONCURRENT",
			"ZGC Minor Cycles, end of GC cycle, YOUNG", "Shenandoah Cycles, end of GC cycle, CONCURRENT",
			"Shenandoah Pauses, end of GC pause, OTHER", "scavenge, end of minor GC, YOUNG",
			"global, end of major GC, FULL", "something new, end of GC pause, OTHER" })
	void collectorsShouldBeClassified(String collector, String action, CollectionKind kind) {
		assertThat(CollectorKinds.classify(collector, action)).isEqualTo(kind);
	}

	@Test
	void g1YoungCollectionsThatOnlyPromoteShouldBeYoung() {
		assertThat(CollectorKinds.classify(g1Young(100, 120))).isEqualTo(CollectionKind.YOUNG);
		assertThat(CollectorKinds.classify(g1Young(100, 100))).isEqualTo(CollectionKind.YOUNG);
	}

	@Test
	void g1YoungNotificationsWhoseOldGenerationShrankShouldBeMixed() {
		// What production sees of a mixed collection: the young bean, the same action and
		// cause, and G1 Old Gen holding less afterwards.
		GcNotification mixed = g1Young(300, 180);
		assertThat(mixed.collector()).isEqualTo("G1 Young Generation");
		assertThat(CollectorKinds.classify(mixed)).isEqualTo(CollectionKind.MIXED);
		assertThat(CollectionKind.of(mixed).revealsFloor()).isTrue();
		assertThat(CollectionKind.of(mixed).wholeHeap()).isFalse();
	}

	@Test
	void everyCollectorButG1ShouldMeasureTheFloorItself() {
		for (String collector : List.of("PS Scavenge", "PS MarkSweep", "Copy", "MarkSweepCompact", "ParNew",
				"ConcurrentMarkSweep", "ZGC Cycles", "ZGC Minor Cycles", "ZGC Major Pauses", "Shenandoah Cycles",
				"Shenandoah Pauses")) {
			assertThat(CollectorKinds.measuresFloorItself(collector)).as(collector).isTrue();
		}
		for (String collector : List.of("G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC")) {
			assertThat(CollectorKinds.measuresFloorItself(collector)).as(collector).isFalse();
		}
	}

	@Test
	void otherCollectorsShouldNotBeMixedWhenTheirOldGenerationShrinks() {
		GcNotification full = new GcNotification("PS MarkSweep", "end of major GC", "Ergonomics", 0, 10, 10,
				List.of(new GcNotification.PoolUsage("PS Old Gen", 300, 400, 100, 400, 1000)));
		assertThat(CollectorKinds.classify(full)).isEqualTo(CollectionKind.FULL);
	}

	@ParameterizedTest
	@CsvSource({ "System.gc(), true", "Heap Inspection Initiated GC, true", "Heap Dump Initiated GC, true",
			"Diagnostic Command, true", "G1 Evacuation Pause, false", "Allocation Failure, false",
			"G1 Humongous Allocation, false", "Ergonomics, false" })
	void forcedCausesShouldBeRecognised(String cause, boolean forced) {
		assertThat(CollectorKinds.isForcedCause(cause)).isEqualTo(forced);
	}

	private static GcNotification g1Young(long oldBefore, long oldAfter) {
		return new GcNotification("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", 0, 5, 5,
				List.of(new GcNotification.PoolUsage("G1 Eden Space", 50, 60, 0, 60, -1),
						new GcNotification.PoolUsage("G1 Old Gen", oldBefore, 400, oldAfter, 400, 1000)));
	}

	@ParameterizedTest
	@CsvSource({ "G1 Old Gen, true", "PS Old Gen, true", "Tenured Gen, true", "ZHeap, true", "Shenandoah, true",
			"G1 Eden Space, false", "PS Survivor Space, false", "Metaspace, false" })
	void longLivedPoolsShouldBeRecognised(String pool, boolean longLived) {
		assertThat(CollectorKinds.isLongLived(pool)).isEqualTo(longLived);
	}

}
