package io.leaks.trend;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recorder on the real JVM, with collections the test provokes: young ones by
 * allocating, a full one by taking a live class histogram.
 */
@Tag("core")
class GcEventRecorderTests {

	/** Written to so the allocations are not optimised away. */
	static volatile byte[] sink;

	private final GcHistory history = new GcHistory();

	private final GcEventRecorder recorder = new GcEventRecorder(this.history, 64);

	@AfterEach
	void close() {
		this.recorder.close();
	}

	@Test
	void youngCollectionsShouldBeRecordedWithPoolsAndOccupancy() {
		assertThat(this.recorder.start()).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			allocate(64);
			return this.recorder.events().stream().anyMatch((event) -> event.kind() == CollectionKind.YOUNG);
		});
		GcEvent young = this.recorder.events()
			.stream()
			.filter((event) -> event.kind() == CollectionKind.YOUNG)
			.findFirst()
			.orElseThrow();
		assertThat(young.collector()).isEqualTo("G1 Young Generation");
		assertThat(young.heapBefore()).isGreaterThan(young.heapAfter());
		assertThat(young.heapCommitted()).isGreaterThanOrEqualTo(young.heapAfter());
		assertThat(young.atMillis()).isPositive().isLessThanOrEqualTo(ManagementFactory.getRuntimeMXBean().getUptime());
		assertThat(young.pools()).extracting(GcEvent.PoolChange::pool).contains("G1 Eden Space", "G1 Old Gen");
		assertThat(young.cause()).isNotBlank();
		assertThat(this.history.snapshot().young()).isNotEmpty();
	}

	@Test
	void fullCollectionShouldRevealTheFloor() {
		this.recorder.start();
		new DiagnosticCommandHistogramSampler(ManagementFactory.getPlatformMBeanServer()).sample(true);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.recorder.events().stream().anyMatch((event) -> event.kind() == CollectionKind.FULL));
		GcEvent full = this.recorder.events()
			.stream()
			.filter((event) -> event.kind() == CollectionKind.FULL)
			.findFirst()
			.orElseThrow();
		assertThat(full.collector()).isEqualTo("G1 Old Generation");
		assertThat(full.cause()).isEqualTo("Heap Inspection Initiated GC");
		GcHistory.HeapSeries series = this.history.snapshot();
		assertThat(series.floor()).extracting(Point::value).contains(full.heapAfter());
		assertThat(series.counts()).containsKey(CollectionKind.FULL);
	}

	@Test
	void closeShouldStopRecording() {
		GcEventRecorder other = new GcEventRecorder(new GcHistory(), 64);
		try {
			this.recorder.start();
			other.start();
			this.recorder.close();
			int before = this.recorder.events().size();
			new DiagnosticCommandHistogramSampler(ManagementFactory.getPlatformMBeanServer()).sample(true);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> other.events().stream().anyMatch((event) -> event.kind() == CollectionKind.FULL));
			assertThat(this.recorder.events()).hasSize(before);
		}
		finally {
			other.close();
		}
	}

	@Test
	void eventsShouldStayBounded() {
		GcEventRecorder small = new GcEventRecorder(new GcHistory(), 2);
		try {
			small.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				allocate(64);
				return ManagementFactory.getGarbageCollectorMXBeans().get(0).getCollectionCount() > 0
						&& small.events().size() == 2;
			});
			allocate(256);
			List<GcEvent> events = small.events();
			assertThat(events).hasSizeLessThanOrEqualTo(2);
		}
		finally {
			small.close();
		}
	}

	/**
	 * Allocates garbage in small arrays: arrays of half a G1 region or more are humongous,
	 * live in the old generation, and their eager reclaim in a young collection lowers the
	 * old generation as a mixed collection does.
	 */
	private static void allocate(int megabytes) {
		for (int i = 0; i < megabytes * 64; i++) {
			sink = new byte[16 * 1024];
		}
	}

}
