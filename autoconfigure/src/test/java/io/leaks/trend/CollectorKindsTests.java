package io.leaks.trend;

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
	void g1YoungCollectionsShouldCountAsYoungEvenWhenMixed() {
		assertThat(CollectorKinds.classify("G1 Young Generation", "end of minor GC")).isEqualTo(CollectionKind.YOUNG);
	}

	@ParameterizedTest
	@CsvSource({ "G1 Old Gen, true", "PS Old Gen, true", "Tenured Gen, true", "ZHeap, true", "Shenandoah, true",
			"G1 Eden Space, false", "PS Survivor Space, false", "Metaspace, false" })
	void longLivedPoolsShouldBeRecognised(String pool, boolean longLived) {
		assertThat(CollectorKinds.isLongLived(pool)).isEqualTo(longLived);
	}

}
