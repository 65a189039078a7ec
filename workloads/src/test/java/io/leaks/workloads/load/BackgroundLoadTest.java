package io.leaks.workloads.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.leaks.workloads.scenario.Rate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The background traffic allocates at its rate (measured by the JVM, not by its own count)
 * and keeps a bounded set of sessions that follows the load.
 */
class BackgroundLoadTest {

	private static final BackgroundSettings SETTINGS = new BackgroundSettings(Rate.parse("16MiB/s"), 24L << 20,
			Duration.ofSeconds(40), Rate.parse("2/s"));

	@Test
	void requestsShouldAllocateAtTheGivenRate() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		BackgroundLoad load = new BackgroundLoad(SETTINGS, (t) -> 1.0, 7);
		long before = threads.getCurrentThreadAllocatedBytes();
		for (long t = 0; t <= 30_000; t += 100) {
			load.advance(t);
		}
		double allocated = threads.getCurrentThreadAllocatedBytes() - before;
		// 30 s at 16 MiB/s, sessions included (24 MiB opened over 30 s at most).
		assertThat(allocated / (30 * (16L << 20))).isBetween(0.8, 1.4);
		assertThat(load.requests()).isGreaterThan(10_000);
	}

	@Test
	void sessionsShouldLiveTensOfSecondsAndHoldWhatTheLoadAsks() {
		AtomicReference<Double> share = new AtomicReference<>(1.0);
		BackgroundLoad load = new BackgroundLoad(SETTINGS, (t) -> share.get(), 11);
		for (long t = 0; t <= 120_000; t += 100) {
			load.advance(t);
		}
		assertThat((double) load.sessionBytes() / (24L << 20)).isBetween(0.75, 1.25);
		share.set(0.25);
		for (long t = 120_100; t <= 240_000; t += 100) {
			load.advance(t);
		}
		assertThat((double) load.sessionBytes() / (6L << 20)).isBetween(0.6, 1.4);
		share.set(0.0);
		for (long t = 240_100; t <= 300_000; t += 100) {
			load.advance(t);
		}
		// The longest session lives one and a half mean lifetimes: 60 s.
		assertThat(load.openSessions()).isZero();
		assertThat(load.sessionBytes()).isZero();
	}

	@Test
	void settingsShouldRefuseRatesInTheWrongUnit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackgroundSettings(Rate.parse("100/s"), 1,
				Duration.ofSeconds(30), Rate.parse("2/s"))).withMessageContaining("such as 16MiB/s");
		assertThatIllegalArgumentException().isThrownBy(() -> new BackgroundSettings(Rate.parse("1MiB/s"), 1,
				Duration.ofSeconds(30), Rate.parse("2MiB/s"))).withMessageContaining("such as 2/s");
	}

	@Test
	void sessionBytesShouldBeAShareOfTheHeapWithACeiling() {
		assertThat(BackgroundSettings.sessionBytesFor(256L << 20)).isEqualTo((long) ((256L << 20) * 0.05));
		assertThat(BackgroundSettings.sessionBytesFor(16L << 30)).isEqualTo(256L << 20);
	}

}
