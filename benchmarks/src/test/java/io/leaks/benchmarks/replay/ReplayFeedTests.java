package io.leaks.benchmarks.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.leaks.autoconfigure.LeaksProperties;
import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trace.TraceWriter;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a replay feeds its watch before each judgement: where the trace tells which
 * collections each recorded judgement had seen, those and no others, so a notification
 * that arrived late on the live run arrives late in its replay too.
 */
class ReplayFeedTests {

	private static final long MB = 1024 * 1024;

	@Test
	void aCollectionThatArrivedAfterAJudgementShouldReachTheNextOne() throws IOException {
		Trace trace = read(true);
		assertThat(trace.seenAtTicks()).containsExactly(2, 4, 5);
		List<String> reasons = Replay.run(trace, settings()).timeline().stream().map(Replay.Tick::heapReason).toList();
		assertThat(reasons).as("each judgement counts the collections it saw live").satisfiesExactly(
				(reason) -> assertThat(reason).contains(" 2 collections"),
				(reason) -> assertThat(reason).contains(" 4 collections"),
				(reason) -> assertThat(reason).contains(" 5 collections"));
	}

	@Test
	void aTraceThatDoesNotTellShouldBeFedByWhenEachCollectionEnded() throws IOException {
		Trace trace = read(false);
		assertThat(trace.seenAtTicks()).isEmpty();
		List<String> reasons = Replay.run(trace, settings()).timeline().stream().map(Replay.Tick::heapReason).toList();
		assertThat(reasons).satisfiesExactly((reason) -> assertThat(reason).contains(" 3 collections"),
				(reason) -> assertThat(reason).contains(" 4 collections"),
				(reason) -> assertThat(reason).contains(" 5 collections"));
	}

	/**
	 * Three judgements, a second apart; the third collection ends before the first
	 * judgement but its notification is written after that judgement's sample.
	 * @param samples whether each judgement's memory sample is recorded
	 */
	private static Trace read(boolean samples) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TraceWriter writer = new TraceWriter(bytes, Long.MAX_VALUE)) {
			writer.meta("settings.interval", "PT1S");
			writer.collection(young(1200, 20));
			writer.collection(young(1500, 21));
			if (samples) {
				writer.sample(sample(2000));
			}
			writer.collection(young(1990, 22));
			writer.tick(2000);
			writer.collection(young(2500, 23));
			if (samples) {
				writer.sample(sample(3000));
			}
			writer.tick(3000);
			writer.collection(young(3500, 24));
			if (samples) {
				writer.sample(sample(4000));
			}
			writer.tick(4000);
		}
		return TraceReader.read(new ByteArrayInputStream(bytes.toByteArray()));
	}

	private static LeaksProperties.Trend settings() {
		LeaksProperties.Trend trend = new LeaksProperties().getTrend();
		trend.setInterval(Duration.ofSeconds(1));
		trend.setWarmup(Duration.ZERO);
		trend.setHistograms(false);
		return trend;
	}

	private static GcNotification young(long endMillis, long oldMegabytes) {
		GcNotification.PoolUsage eden = new GcNotification.PoolUsage("G1 Eden Space", 40 * MB, 64 * MB, 0, 64 * MB,
				-1);
		GcNotification.PoolUsage old = new GcNotification.PoolUsage("G1 Old Gen", oldMegabytes * MB, 128 * MB,
				oldMegabytes * MB, 128 * MB, 512 * MB);
		return new GcNotification("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", endMillis - 5,
				endMillis, 5, List.of(eden, old));
	}

	private static MemorySample sample(long atMillis) {
		return new MemorySample(atMillis, 60 * MB, 192 * MB, 512 * MB, 20 * MB, -1, 5000, 30, 1024, 0, 200 * MB);
	}

}
