package io.leaks.trace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

@Tag("core")
class TraceWriterTests {

	private static final long MB = 1024 * 1024;

	@Test
	void everyRecordShouldReadBackAsWritten() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GcNotification young = new GcNotification("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause",
				1000, 1012, 12, List.of(pool("G1 Eden Space", 50 * MB, 0, -1), pool("G1 Old Gen", 10 * MB, 12 * MB, 512 * MB)));
		MemorySample sample = new MemorySample(1500, 30 * MB, 64 * MB, 512 * MB, 20 * MB, -1, 5000, 30, 1024, 0, 200 * MB);
		ClassHistogram histogram = new ClassHistogram(List.of(new HistogramEntry("[B", "java.base", 5000, 4 * MB),
				new HistogramEntry("io.app.Order", null, 1000, 32000), new HistogramEntry("io.app.Rare", null, 2, 64)));
		try (TraceWriter writer = new TraceWriter(bytes, Long.MAX_VALUE)) {
			writer.meta("heap.max", String.valueOf(512 * MB));
			writer.meta("jvm.arguments", "-Xmx512m\t-XX:+UseG1GC");
			writer.collection(young);
			writer.sample(sample);
			writer.histogram(2000, "confirm", true, histogram, 80);
			writer.verdict(2000, "heap", "COLLECTING", false, "NONE", 12.5, "Collecting evidence");
			writer.tick(2000);
			writer.event(2100, "LeakSuspected", "heap", List.of("io.app.Order", "[B"));
			writer.mark(2200, "leak starts");
			writer.end(2300, "closed");
		}
		Trace trace = TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(trace.version()).isEqualTo(TraceFormat.VERSION);
		assertThat(trace.meta()).containsEntry("heap.max", String.valueOf(512 * MB))
			.containsEntry("jvm.arguments", "-Xmx512m -XX:+UseG1GC");
		assertThat(trace.maxHeap()).isEqualTo(512 * MB);
		assertThat(trace.collections()).containsExactly(young);
		assertThat(trace.samples()).containsExactly(sample);
		assertThat(trace.histograms()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.purpose()).isEqualTo("confirm");
			assertThat(recorded.live()).isTrue();
			assertThat(recorded.classCount()).isEqualTo(3);
			assertThat(recorded.classes()).as("the singleton class is left out")
				.extracting(HistogramEntry::className)
				.containsExactly("[B", "io.app.Order");
			assertThat(recorded.toHistogram().totalBytes()).as("totals of the whole histogram")
				.isEqualTo(histogram.totalBytes());
		});
		assertThat(trace.verdicts()).singleElement().satisfies((verdict) -> {
			assertThat(verdict.status()).isEqualTo("COLLECTING");
			assertThat(verdict.growthPerMinute()).isEqualTo(12.5);
		});
		assertThat(trace.ticks()).containsExactly(2000L);
		assertThat(trace.events()).singleElement()
			.satisfies((event) -> assertThat(event.suspects()).containsExactly("io.app.Order", "[B"));
		assertThat(trace.marks()).containsExactly(new Trace.Mark(2200, "leak starts"));
		assertThat(trace.end()).isEqualTo("closed");
		assertThat(trace.startMillis()).isEqualTo(1000);
		assertThat(trace.endMillis()).isEqualTo(2200);
	}

	@Test
	void eachJudgementShouldTellTheCollectionsThatHadArrivedByItsSample() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TraceWriter writer = new TraceWriter(bytes, Long.MAX_VALUE)) {
			writer.collection(young(1000));
			writer.sample(sample(1500));
			// Ended before the judgement's sample, arrived after it: not seen by that judgement.
			writer.collection(young(1490));
			writer.tick(1500);
			writer.collection(young(2100));
			writer.sample(sample(2500));
			writer.tick(2500);
			writer.sample(sample(3500));
			writer.tick(3500);
		}
		Trace trace = TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(trace.collections()).extracting(GcNotification::endMillis).containsExactly(1000L, 1490L, 2100L);
		assertThat(trace.seenAtTicks()).containsExactly(1, 3, 3);
	}

	@Test
	void judgementsWithoutTheirSamplesShouldNotTellWhatTheySaw() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TraceWriter writer = new TraceWriter(bytes, Long.MAX_VALUE)) {
			writer.collection(young(1000));
			writer.sample(sample(1500));
			writer.tick(1500);
			writer.collection(young(2100));
			writer.tick(2500);
		}
		Trace trace = TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(trace.ticks()).containsExactly(1500L, 2500L);
		assertThat(trace.seenAtTicks()).isEmpty();
	}

	private static GcNotification young(long endMillis) {
		return new GcNotification("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", endMillis - 5,
				endMillis, 5, List.of(pool("G1 Old Gen", 10 * MB, 12 * MB, 512 * MB)));
	}

	private static MemorySample sample(long atMillis) {
		return new MemorySample(atMillis, 30 * MB, 64 * MB, 512 * MB, 20 * MB, -1, 5000, 30, 1024, 0, 200 * MB);
	}

	@Test
	void aTraceCutOffMidWayShouldReadUpToTheBreak() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		TraceWriter writer = new TraceWriter(bytes, Long.MAX_VALUE);
		for (int i = 0; i < 200; i++) {
			writer.collection(new GcNotification("PS Scavenge", "end of minor GC", "Allocation Failure", i * 100,
					i * 100 + 5, 5, List.of(pool("PS Old Gen", i * MB, i * MB, 256 * MB))));
			if (i == 99) {
				writer.tick(i * 100 + 10);
			}
		}
		// The process dies here: nothing is closed, only what the tick flushed is on disk.
		byte[] written = bytes.toByteArray();
		Trace trace = TraceReader.read(new ByteArrayInputStream(Arrays.copyOf(written, written.length)));
		assertThat(trace.collections()).hasSizeGreaterThanOrEqualTo(100);
		assertThat(trace.collections().get(99).pools().get(0).usedAfter()).isEqualTo(99 * MB);
		assertThat(trace.end()).isNull();
	}

	@Test
	void aTraceShouldEndAtItsSizeLimit() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TraceWriter writer = new TraceWriter(bytes, 4096)) {
			for (int i = 0; i < 20_000 && !writer.ended(); i++) {
				writer.collection(new GcNotification("Copy", "end of minor GC", "Allocation Failure", i, i + 1, 1,
						List.of(pool("Tenured Gen", (long) (Math.random() * 1e9), (long) (Math.random() * 1e9), -1))));
				writer.tick(i + 2);
			}
			assertThat(writer.ended()).isTrue();
		}
		assertThat(bytes.size()).isLessThan(4096 + 16 * 1024);
		Trace trace = TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(trace.end()).contains("size limit");
		assertThat(trace.collections()).isNotEmpty().hasSizeLessThan(20_000);
	}

	@Test
	void unknownRecordsAndColumnsShouldBeIgnored() throws IOException {
		String text = "leaks-trace\t2\ncolumns\tsample\tat\tfuture\theapUsed\nhologram\t1\t2\nsample\t10\t99\t42\n";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(text.getBytes());
		}
		Trace trace = TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(trace.version()).isEqualTo(2);
		assertThat(trace.samples()).singleElement().satisfies((sample) -> {
			assertThat(sample.atMillis()).isEqualTo(10);
			assertThat(sample.heapUsed()).isEqualTo(42);
			assertThat(sample.heapMax()).isEqualTo(-1);
		});
	}

	@Test
	void somethingElseShouldBeRefused() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write("t_ms,used_after_gc,capacity,kind\n".getBytes());
		}
		assertThatIOException().isThrownBy(() -> TraceReader.read(new ByteArrayInputStream(bytes.toByteArray())))
			.withMessageContaining("not a leaks trace");
	}

	private static GcNotification.PoolUsage pool(String name, long before, long after, long max) {
		return new GcNotification.PoolUsage(name, before, before + MB, after, after + MB, max);
	}

}
