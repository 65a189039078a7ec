package io.leaks.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySampler;
import io.leaks.trend.WatchSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend resources without HTTP: they hand out what the watch has judged and recorded.
 */
class TrendOperationsTests {

	private final AtomicLong uptime = new AtomicLong(1000);

	private final GcHistory history = new GcHistory();

	private final LeakWatch watch = LeakWatch
		.builder(WatchSettings.derive(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(60)), this.history)
		.memory(new MemorySampler())
		.clock(this.uptime::get, 0)
		.historySize(64)
		.build();

	private final TrendOperations operations = new TrendOperations(this.watch, new GcEventRecorder(this.history, 16));

	@Test
	void trendShouldAnswerTheWatchsVerdictAndSettings() {
		this.watch.tick();
		TrendResponse trend = this.operations.trend();
		assertThat(trend.status()).isEqualTo("COLLECTING");
		assertThat(trend.settings().interval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void historyShouldHoldTheSamplesTheWatchTook() {
		for (int i = 0; i < 3; i++) {
			this.uptime.addAndGet(1000);
			this.watch.tick();
		}
		HistoryResponse history = this.operations.history();
		assertThat(history.samples()).hasSize(3);
		assertThat(history.samples().get(0).heapMax()).isPositive();
		assertThat(history.collections()).isEmpty();
	}

}
