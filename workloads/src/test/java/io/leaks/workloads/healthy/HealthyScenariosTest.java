package io.leaks.workloads.healthy;

import java.time.Duration;
import java.util.List;

import io.leaks.workloads.scenario.Heaps;
import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hard negatives stay bounded as designed: they rise and level off, or rise and fall,
 * and never leak.
 */
class HealthyScenariosTest {

	private static final long FREE = Heaps.SMALL.free();

	private final ScenarioSettings settings = Heaps.small(Duration.ofMinutes(45));

	@Test
	void boundedCacheShouldFillLinearlyToItsBoundAndStayThere() {
		BoundedCache cache = new BoundedCache(this.settings);
		assertThat((double) cache.bound() / FREE).isCloseTo(0.4, within(0.01));
		List<Long> held = Heaps.run(cache, Duration.ZERO, Duration.ofMinutes(60), Duration.ofMinutes(1));
		assertThat(held.subList(0, 21)).isSorted();
		assertThat((double) held.get(10) / cache.bound()).isCloseTo(0.5, within(0.01));
		assertThat(held.subList(20, held.size())).containsOnly(cache.bound());
		assertThat(cache.leaking()).isFalse();
		long before = Heaps.usedAfterGc();
		cache.release();
		assertThat(before - Heaps.usedAfterGc()).isGreaterThan(cache.bound() * 8 / 10);
	}

	@Test
	void evictingCacheShouldFillAndThenEvictAsFastAsItInserts() {
		EvictingCache cache = new EvictingCache(this.settings.withRate(Rate.parse("6MiB/min")));
		List<Long> held = Heaps.run(cache, Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(1));
		assertThat(held).isSorted();
		int full = held.indexOf(cache.bound());
		// 30% of 64 MiB at 6 MiB a minute: full after about 3 minutes, then flat.
		assertThat(full).isBetween(3, 4);
		assertThat(held.subList(full, held.size())).containsOnly(cache.bound());
		cache.release();
	}

	@Test
	void sawtoothShouldClimbForAPeriodAndFallToTheBottom() {
		Sawtooth sawtooth = new Sawtooth(this.settings.withPeriod(Duration.ofMinutes(8)));
		assertThat((double) sawtooth.peak() / FREE).isCloseTo(0.25, within(0.01));
		List<Long> held = Heaps.run(sawtooth, Duration.ZERO, Duration.ofMinutes(24), Duration.ofSeconds(30));
		for (int period = 0; period < 3; period++) {
			List<Long> climb = held.subList(period * 16, period * 16 + 16);
			assertThat(climb).isSorted();
			assertThat(climb.get(0)).isLessThan(sawtooth.peak() / 30);
			assertThat((double) climb.get(15) / sawtooth.peak()).isCloseTo(15 / 16.0, within(0.02));
		}
		sawtooth.release();
	}

	@Test
	void diurnalCycleShouldRiseToAPeakAndFallBack() {
		DiurnalCycle day = new DiurnalCycle(this.settings.withPeriod(Duration.ofMinutes(60)));
		assertThat(day.load(0)).isCloseTo(0.15, within(1e-9));
		assertThat(day.load(Duration.ofMinutes(30).toMillis())).isCloseTo(1.0, within(1e-9));
		assertThat(day.load(Duration.ofMinutes(60).toMillis())).isCloseTo(0.15, within(1e-9));
		List<Long> held = Heaps.run(day, Duration.ZERO, Duration.ofMinutes(60), Duration.ofMinutes(1));
		assertThat(held.subList(0, 31)).isSorted();
		assertThat(held.subList(30, 61)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat((double) held.get(30) / day.peak()).isCloseTo(1.0, within(0.01));
		assertThat((double) held.get(60) / day.peak()).isCloseTo(0.15, within(0.01));
		day.release();
	}

	@Test
	void oneOffBatchShouldLoadHoldAndReleaseEverything() {
		OneOffBatch batch = new OneOffBatch(this.settings);
		List<Long> held = Heaps.run(batch, Duration.ZERO, Duration.ofMinutes(20), Duration.ofSeconds(30));
		// Onset 10 min (a quarter of 45 min is later), 3 min of loading, 2 min held.
		assertThat(held.subList(0, 20)).containsOnly(0L);
		assertThat((double) held.get(26) / batch.size()).isCloseTo(1.0, within(0.01));
		assertThat(held.subList(26, 30)).containsOnly(held.get(26));
		assertThat(held.subList(30, held.size())).containsOnly(0L);
	}

	@Test
	void poolRampShouldGrowItsThreadsToTheMaximumAndStay() {
		PoolRamp pool = new PoolRamp(this.settings.withLimit(24).withRamp(Duration.ofMinutes(2)));
		List<Long> threads = Heaps.run(pool, Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(10));
		assertThat(pool.heldInBytes()).isFalse();
		assertThat(threads).isSorted();
		assertThat(threads.get(6)).isEqualTo(12);
		assertThat(threads.subList(12, threads.size())).containsOnly(24L);
		pool.release();
		assertThat(pool.held()).isZero();
	}

	@Test
	void idleShouldHoldNothingAndBarelyLoadTheService() {
		Idle idle = new Idle();
		idle.advance(Duration.ofHours(1).toMillis());
		assertThat(idle.held()).isZero();
		assertThat(idle.load(0)).isLessThan(0.05);
	}

}
