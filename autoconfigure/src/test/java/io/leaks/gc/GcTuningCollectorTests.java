package io.leaks.gc;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a preset does depends on the running collector. Runs in the default test JVM (G1)
 * and again under every other collector (the {@code collectors-*} surefire executions), each time checking the
 * real JVM's flags afterwards.
 */
@Tag("collectors")
class GcTuningCollectorTests {

	@RegisterExtension
	final ManageableFlags saved = ManageableFlags.restoredAfterEachTest();

	private GcTuning tuning;

	@BeforeEach
	void createTuning() {
		this.tuning = new GcTuning(new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer()), (event) -> {
		}, Clock.systemUTC());
	}

	@Test
	void collectorShouldBeDetectedAsTheOneTheJvmReports() {
		assertThat(this.tuning.rules().collector()).isEqualTo(collectorFromMXBeans());
	}

	@Test
	void aggressivePresetShouldSetWhatThisCollectorHonoursAndSkipTheRest() {
		Collector collector = this.tuning.rules().collector();
		Map<String, String> targets = GcPreset.AGGRESSIVE.targets(this.tuning.rules(), Map.of());
		GcTuning.Applied applied = this.tuning.applyPreset("aggressive");
		for (Map.Entry<String, String> target : targets.entrySet()) {
			String flag = target.getKey();
			boolean honoured = this.tuning.rules().rule(flag).orElseThrow().effectiveUnder(collector);
			if (honoured) {
				assertThat(ManageableFlags.value(flag)).as(flag + " under " + collector).isEqualTo(target.getValue());
			}
			else {
				assertThat(ManageableFlags.value(flag)).as(flag + " under " + collector).isEqualTo(this.saved.saved(flag));
				assertThat(applied.skipped()).extracting(GcTuning.Skipped::flag).contains(flag);
			}
		}
		assertThat(applied.changes()).isNotEmpty();
	}

	@Test
	void softMaxHeapSizeShouldBeEffectiveExactlyUnderZgcAndShenandoah() {
		Collector collector = this.tuning.rules().collector();
		GcTuning.FlagState softMax = this.tuning.state()
			.flags()
			.stream()
			.filter((flag) -> flag.name().equals("SoftMaxHeapSize"))
			.findFirst()
			.orElseThrow();
		assertThat(softMax.effective()).isEqualTo(collector == Collector.ZGC || collector == Collector.SHENANDOAH);
	}

	private static Collector collectorFromMXBeans() {
		List<String> names = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.toList();
		if (names.stream().anyMatch((name) -> name.startsWith("G1 "))) {
			return Collector.G1;
		}
		if (names.stream().anyMatch((name) -> name.startsWith("ZGC"))) {
			return Collector.ZGC;
		}
		if (names.contains("PS Scavenge")) {
			return Collector.PARALLEL;
		}
		if (names.contains("Copy")) {
			return Collector.SERIAL;
		}
		if (names.stream().anyMatch((name) -> name.startsWith("Shenandoah"))) {
			return Collector.SHENANDOAH;
		}
		return Collector.UNKNOWN;
	}

}
