package io.leaks.demo.driver;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;

import io.leaks.demo.listeners.ListenersPattern;
import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class LoadDriverTest {

	private final LoadDriver driver = new LoadDriver();

	private final ListenersPattern listeners = new ListenersPattern();

	@AfterEach
	void shutDown() {
		this.driver.destroy();
	}

	@Test
	void statusBeforeStartShouldSayHowToStart() {
		DriverStatus status = this.driver.status();
		assertThat(status.running()).isFalse();
		assertThat(status.message()).contains("POST /demo/driver?pattern=");
	}

	@Test
	void startShouldRunThePatternUntilStopped() {
		DriverStatus started = this.driver.start(this.listeners, Variant.LEAKING, 500);
		assertThat(started.running()).isTrue();
		assertThat(started.message()).isEqualTo("Running listeners/leaking at 500 operations per second");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.retained(Variant.LEAKING) >= 100);
		assertThat(this.driver.stop().running()).isFalse();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.driver.status().operations() == this.listeners.retained(Variant.LEAKING));
		assertThat(this.driver.status().message()).startsWith("Stopped after ")
			.endsWith(" operations of listeners/leaking");
	}

	@Test
	void startShouldNotExceedTheRequestedRate() {
		this.driver.start(this.listeners, Variant.FIXED, 20);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.driver.status().operations() >= 2);
		long elapsedMillis = Duration.between(this.driver.status().startedAt(), Instant.now()).toMillis();
		assertThat(this.driver.status().operations()).isLessThanOrEqualTo(20 * elapsedMillis / 1000 + 2);
	}

	@Test
	void startAgainShouldReplaceWhatRuns() {
		this.driver.start(this.listeners, Variant.LEAKING, 100);
		DriverStatus replaced = this.driver.start(this.listeners, Variant.FIXED, 200);
		assertThat(replaced.variant()).isEqualTo("fixed");
		assertThat(replaced.perSecond()).isEqualTo(200);
		assertThat(replaced.operations()).isZero();
	}

	@Test
	void startShouldRefuseARateOutOfBounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.driver.start(this.listeners, Variant.LEAKING, 0))
			.withMessage("perSecond must be from 1 to 1000, was 0");
	}

	@Test
	void aFailingPatternShouldStopTheDriverAndSayWhy() {
		this.driver.start(new FailingPattern(), Variant.LEAKING, 50);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.driver.status().running());
		assertThat(this.driver.status().message())
			.isEqualTo("Stopped failing/leaking after 0 operations because it failed with OutOfMemoryError: Java heap "
					+ "space; POST /demo/reset drops what the patterns retain");
	}

	@Test
	void aNearlyFullHeapShouldStopTheDriverBeforeItRunsMore() {
		LoadDriver nearlyFull = new LoadDriver(() -> new MemoryUsage(0, 850L << 20, 900L << 20, 1000L << 20));
		try {
			nearlyFull.start(this.listeners, Variant.LEAKING, 500);
			await().atMost(Duration.ofSeconds(5)).until(() -> !nearlyFull.status().running());
			assertThat(nearlyFull.status().message())
				.isEqualTo("Stopped listeners/leaking after 0 operations because the heap is 85% full, 850.0 MiB of 1000.0 MiB; "
						+ "POST /demo/reset drops what the patterns retain");
			assertThat(this.listeners.retained(Variant.LEAKING)).isZero();
		}
		finally {
			nearlyFull.destroy();
		}
	}

	private static final class FailingPattern implements LeakPattern {

		@Override
		public PatternInfo info() {
			return new PatternInfo("failing", "Fails", Object.class, "-", "-", 0);
		}

		@Override
		public long run(Variant variant, int count) {
			throw new OutOfMemoryError("Java heap space");
		}

		@Override
		public long retained(Variant variant) {
			return 0;
		}

		@Override
		public void reset() {
		}

	}

}
