package io.leaks.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler on a real thread: it ticks, survives a failing tick, and stops.
 */
class TrendSchedulerTests {

	private final AtomicLong uptime = new AtomicLong(1000);

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void shouldTickOnOneDaemonThreadSurviveFailuresAndStop() {
		LeakWatch watch = LeakWatch
			.builder(WatchSettings.derive(Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(60)), new GcHistory())
			.clock(this::flakyUptime, 0)
			.historySize(64)
			.build();
		GcEventRecorder recorder = new GcEventRecorder(new GcHistory(), 16);
		TrendScheduler scheduler = new TrendScheduler(watch, recorder, new CollectionUsageWarning(0.99));
		Instant initial = watch.report().at();
		scheduler.start();
		try {
			assertThat(scheduler.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> watch.report().at().isAfter(initial));
			assertThat(this.calls.get()).as("the failing tick did not stop the ticking").isGreaterThan(2);
			Thread thread = trendThread();
			assertThat(thread).isNotNull();
			assertThat(thread.isDaemon()).isTrue();
		}
		finally {
			scheduler.stop();
		}
		assertThat(scheduler.isRunning()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> trendThread() == null);
	}

	/**
	 * The second reading (the first tick) fails; the rest advance by a second.
	 */
	private long flakyUptime() {
		if (this.calls.incrementAndGet() == 2) {
			throw new IllegalStateException("uptime unavailable");
		}
		return this.uptime.addAndGet(1000);
	}

	private static Thread trendThread() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(TrendScheduler.THREAD_NAME) && thread.isAlive())
			.findFirst()
			.orElse(null);
	}

}
