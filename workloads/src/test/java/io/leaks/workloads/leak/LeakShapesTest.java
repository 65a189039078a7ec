package io.leaks.workloads.leak;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import io.leaks.workloads.scenario.HeapSizing;
import io.leaks.workloads.scenario.Heaps;
import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The leaks whose shape is their point: sizes that follow the heap, a late onset, steps,
 * classes, threads.
 */
class LeakShapesTest {

	private static final long FREE = Heaps.SMALL.free();

	@Test
	void defaultRatesShouldFollowTheFreeHeap() {
		ScenarioSettings settings = Heaps.small(Duration.ofMinutes(45));
		FastLeak fast = new FastLeak(settings);
		fast.advance(Duration.ofMinutes(10).toMillis());
		assertThat((double) fast.held() / FREE).isBetween(0.88, 0.91);
		fast.release();
		ListenerLeak listener = new ListenerLeak(settings);
		listener.advance(Duration.ofMinutes(25).toMillis());
		assertThat((double) listener.held() / FREE).isBetween(0.98, 1.01);
		listener.release();
		SlowLeak slow = new SlowLeak(settings);
		slow.advance(Duration.ofHours(1).toMillis());
		assertThat((double) slow.held() / (FREE / 8)).isBetween(0.98, 1.01);
		slow.release();
	}

	@Test
	void slowLeakShouldStayBelowItsCeilingOnABigHeap() {
		ScenarioSettings big = ScenarioSettings.defaults(new HeapSizing(6L << 30, 1L << 28,
				1L << 28), Duration.ofHours(2));
		assertThat(new SlowLeak(big).describe()).contains("at 64.0MiB/h");
	}

	@Test
	void lateOnsetLeakShouldBeFlatUntilItsOnsetAndLeakAfter() {
		LateOnsetLeak leak = new LateOnsetLeak(Heaps.small(Duration.ofHours(2)).withRate(Rate.parse("2MiB/min")));
		List<Long> before = Heaps.run(leak, Duration.ZERO, Duration.ofMinutes(29), Duration.ofMinutes(1));
		assertThat(before).containsOnly(0L);
		assertThat(leak.leaking()).isFalse();
		leak.advance(Duration.ofMinutes(40).toMillis());
		assertThat(leak.leaking()).isTrue();
		assertThat(leak.held()).isBetween((20L << 20) - 4096, (20L << 20) + 4096);
		leak.release();
	}

	@Test
	void lateOnsetShouldDefaultToHalfOfAShortRun() {
		LateOnsetLeak leak = new LateOnsetLeak(Heaps.small(Duration.ofMinutes(20)));
		leak.advance(Duration.ofMinutes(9).toMillis());
		assertThat(leak.leaking()).isFalse();
		leak.advance(Duration.ofMinutes(11).toMillis());
		assertThat(leak.leaking()).isTrue();
		leak.release();
	}

	@Test
	void stepwiseLeakShouldRiseInStepsAndLeaveItsWorkingSetBehindOnlyInPart() {
		StepwiseLeak leak = new StepwiseLeak(
				Heaps.small(Duration.ofHours(1)).withRate(Rate.parse("1MiB/min")).withPeriod(Duration.ofMinutes(3)));
		List<Long> held = Heaps.run(leak, Duration.ZERO, Duration.ofMinutes(30), Duration.ofSeconds(10));
		assertThat(held).isSorted();
		// One step of 3 MiB per 3-minute period, each landing 30 s after its batch starts.
		assertThat(held.stream().distinct()).hasSize(11);
		assertThat(held.get(held.size() - 1)).isEqualTo(10 * (3L << 20));
		// The eleventh batch started at 30 min: its working set (4x the step) is on the heap
		// until it ends, leaving one step behind.
		long during = Heaps.usedAfterGc();
		leak.advance(Duration.ofMinutes(30).plusSeconds(40).toMillis());
		assertThat(leak.held()).isEqualTo(11 * (3L << 20));
		assertThat(during - Heaps.usedAfterGc()).isBetween(6L << 20, 12L << 20);
		leak.release();
	}

	@Test
	void classLoaderLeakShouldDefineClassesThatStayLoadedUntilReleased() {
		ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
		ClassLoaderLeak leak = new ClassLoaderLeak(Heaps.small(Duration.ofMinutes(45)).withRate(Rate.parse("300/min")));
		long loaded = classes.getLoadedClassCount();
		long metaspace = Heaps.metaspaceUsed();
		leak.advance(0);
		leak.advance(Duration.ofMinutes(1).toMillis());
		assertThat(leak.held()).isEqualTo(300);
		assertThat(leak.heldInBytes()).isFalse();
		assertThat(classes.getLoadedClassCount() - loaded).isGreaterThanOrEqualTo(300);
		Heaps.usedAfterGc();
		// Each copy of the plugin costs metaspace as a real class does: several KB.
		assertThat(Heaps.metaspaceUsed() - metaspace).isGreaterThan(300L * 4096);
		long unloaded = classes.getUnloadedClassCount();
		leak.release();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			Heaps.usedAfterGc();
			return classes.getUnloadedClassCount() - unloaded >= 300;
		});
	}

	@Test
	void classLoaderLeakShouldCountClassesNotBytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassLoaderLeak(Heaps.small(Duration.ofMinutes(1)).withRate(Rate.parse("1MiB/min"))))
			.withMessageContaining("classloader-leak grows in classes: give workload.rate as 20/min");
	}

	@Test
	void threadLeakShouldStartThreadsThatNeverEndUpToItsLimit() {
		ThreadLeak leak = new ThreadLeak(
				Heaps.small(Duration.ofMinutes(45)).withRate(Rate.parse("60/min")).withLimit(40));
		int before = Thread.activeCount();
		Heaps.run(leak, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(1));
		assertThat(leak.alive()).isEqualTo(30);
		assertThat(Thread.activeCount() - before).isGreaterThanOrEqualTo(30);
		leak.advance(Duration.ofMinutes(2).toMillis());
		assertThat(leak.alive()).isEqualTo(40);
		assertThat(leak.leaking()).isFalse();
		leak.release();
		assertThat(leak.alive()).isZero();
	}

}
