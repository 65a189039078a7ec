package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.leaks.workloads.scenario.Heaps;
import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every heap leak keeps growing at its rate, for real: what it says it holds is on the heap
 * after a full collection, and goes when it is released.
 */
class HeapLeaksTest {

	static Stream<Arguments> leaks() {
		return Stream.of(Arguments.of("fast", (Function<ScenarioSettings, Scenario>) FastLeak::new),
				Arguments.of("slow", (Function<ScenarioSettings, Scenario>) SlowLeak::new),
				Arguments.of("listener", (Function<ScenarioSettings, Scenario>) ListenerLeak::new),
				Arguments.of("cache", (Function<ScenarioSettings, Scenario>) UnboundedCacheLeak::new),
				Arguments.of("threadlocal", (Function<ScenarioSettings, Scenario>) ThreadLocalLeak::new),
				Arguments.of("closure", (Function<ScenarioSettings, Scenario>) ClosureLeak::new));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("leaks")
	void leakShouldGrowAtItsRateWithoutLevellingOff(String name, Function<ScenarioSettings, Scenario> factory) {
		// 32 MiB over 8 virtual minutes: 4 MiB a minute.
		Scenario leak = factory.apply(Heaps.small(Duration.ofMinutes(45)).withRate(
				Rate.parse("4MiB/min")));
		List<Long> held = Heaps.run(leak, Duration.ZERO, Duration.ofMinutes(8), Duration.ofSeconds(10));
		assertThat(held).isSorted();
		long perMinute = 4L << 20;
		for (int minute = 1; minute <= 8; minute++) {
			assertThat(held.get(minute * 6)).isBetween(minute * perMinute - 8192, minute * perMinute + 8192);
		}
		assertThat(leak.leaking()).isTrue();
		release(leak);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("leaks")
	void whatALeakHoldsShouldBeOnTheHeapUntilReleased(String name, Function<ScenarioSettings, Scenario> factory) {
		long before = Heaps.usedAfterGc();
		Scenario leak = factory.apply(Heaps.small(Duration.ofMinutes(45)).withRate(
				Rate.parse("48MiB/min")));
		leak.advance(0);
		leak.advance(60_000);
		long held = leak.held();
		assertThat(held).isGreaterThan(45L << 20);
		// Thread-local entries are added on the pool's threads: wait until they are all there.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Heaps.usedAfterGc() - before > held * 8 / 10);
		long grown = Heaps.usedAfterGc() - before;
		assertThat(grown).isBetween(held * 8 / 10, held * 14 / 10);
		release(leak);
		// Thread-local entries are removed on the pool's threads too, after release returns:
		// on a loaded machine that takes a moment (it failed once in a full run at once).
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Heaps.usedAfterGc() - before < held / 10);
		assertThat(Heaps.usedAfterGc() - before).isLessThan(held / 10);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("leaks")
	void stopLeakingShouldKeepWhatIsHeldAndGrowNoMore(String name, Function<ScenarioSettings, Scenario> factory) {
		Scenario leak = factory.apply(Heaps.small(Duration.ofMinutes(45)).withRate(
				Rate.parse("4MiB/min")));
		leak.advance(0);
		leak.advance(120_000);
		long held = leak.held();
		leak.stopLeaking();
		leak.advance(240_000);
		assertThat(leak.held()).isEqualTo(held);
		assertThat(leak.leaking()).isFalse();
		release(leak);
	}

	private static void release(Scenario leak) {
		leak.release();
		assertThat(leak.held()).isZero();
	}

}
