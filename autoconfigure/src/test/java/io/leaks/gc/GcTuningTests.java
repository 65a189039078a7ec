package io.leaks.gc;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runtime tuning against the real JVM (G1 in the default test run), every change checked
 * through {@code HotSpotDiagnosticMXBean} and undone afterwards.
 */
class GcTuningTests {

	private final List<GcTuningChangedEvent> events = new ArrayList<>();

	@RegisterExtension
	final ManageableFlags saved = ManageableFlags.restoredAfterEachTest();

	private GcTuning tuning;

	@BeforeEach
	void createTuning() {
		this.tuning = new GcTuning(new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer()), this.events::add,
				Clock.systemUTC());
	}

	@Test
	void stateShouldListEveryManageableFlagWithItsStartUpValueAndOrigin() {
		GcTuning.State state = this.tuning.state();
		assertThat(state.collector()).isEqualTo("G1");
		List<String> names = state.flags().stream().map(GcTuning.FlagState::name).toList();
		assertThat(names).contains("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval", "SoftMaxHeapSize",
				"HeapDumpOnOutOfMemoryError", "HeapDumpPath");
		assertThat(names).hasSize(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
			.getDiagnosticOptions()
			.size());
		GcTuning.FlagState max = flag(state, "MaxHeapFreeRatio");
		assertThat(max.value()).isEqualTo(ManageableFlags.value("MaxHeapFreeRatio"));
		assertThat(max.startupValue()).isEqualTo(max.value());
		assertThat(max.changed()).isFalse();
		assertThat(max.type()).isEqualTo("integer");
		assertThat(max.range()).isEqualTo("0 to 100");
		assertThat(max.effective()).isTrue();
		assertThat(max.changeable()).isTrue();
		GcTuning.FlagState softMax = flag(state, "SoftMaxHeapSize");
		assertThat(softMax.effective()).isFalse();
		assertThat(softMax.effect()).startsWith("Does nothing under G1");
		assertThat(flag(state, "HeapDumpPath").changeable()).isFalse();
	}

	@Test
	void setShouldChangeTheFlagInTheJvmAndReportBeforeAndAfter() {
		String before = ManageableFlags.value("MaxHeapFreeRatio");
		String wanted = before.equals("50") ? "55" : "50";
		GcTuning.Applied applied = this.tuning.set("MaxHeapFreeRatio", wanted);
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo(wanted);
		assertThat(ManageableFlags.origin("MaxHeapFreeRatio")).isEqualTo("MANAGEMENT");
		assertThat(applied.changes()).containsExactly(new FlagChange("MaxHeapFreeRatio", before, wanted));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo("flag MaxHeapFreeRatio");
			assertThat(event.changes()).isEqualTo(applied.changes());
		});
		GcTuning.FlagState state = flag(this.tuning.state(), "MaxHeapFreeRatio");
		assertThat(state.changed()).isTrue();
		assertThat(state.startupValue()).isEqualTo(before);
	}

	@Test
	void settingTheCurrentValueShouldChangeNothingAndPublishNothing() {
		GcTuning.Applied applied = this.tuning.set("MaxHeapFreeRatio", ManageableFlags.value("MaxHeapFreeRatio"));
		assertThat(applied.changes()).isEmpty();
		assertThat(applied.message()).startsWith("Nothing to change");
		assertThat(this.events).isEmpty();
	}

	@Test
	void aFlagWithoutEffectUnderThisCollectorShouldBeSetWithAWarning() {
		GcTuning.Applied applied = this.tuning.set("SoftMaxHeapSize", "256m");
		assertThat(ManageableFlags.value("SoftMaxHeapSize")).isEqualTo(String.valueOf(256L << 20));
		assertThat(applied.warnings()).singleElement().asString().contains("Does nothing under G1");
	}

	@Test
	void minAboveMaxShouldBeRefusedWithoutTouchingTheJvm() {
		ManageableFlags.set("MaxHeapFreeRatio", "70");
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> this.tuning.set("MinHeapFreeRatio", "80"))
			.withMessageContaining("must not exceed MaxHeapFreeRatio (70)");
		assertThat(ManageableFlags.value("MinHeapFreeRatio")).isEqualTo(this.saved.saved("MinHeapFreeRatio"));
	}

	@Test
	void heapDumpOnOutOfMemoryErrorWithoutHeapDumpPathShouldBeRefused() {
		ManageableFlags.set("HeapDumpPath", "");
		ManageableFlags.set("HeapDumpOnOutOfMemoryError", "false");
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.tuning.set("HeapDumpOnOutOfMemoryError", "true"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.NOT_CHANGEABLE))
			.withMessageContaining("HeapDumpPath is empty")
			.withMessageContaining("java_pid" + ProcessHandle.current().pid() + ".hprof")
			.withMessageContaining(System.getProperty("user.dir"))
			.withMessageContaining("-XX:HeapDumpPath=<dir>");
		assertThat(ManageableFlags.value("HeapDumpOnOutOfMemoryError")).isEqualTo("false");
		assertThat(this.tuning.set("HeapDumpOnOutOfMemoryError", "false").changes()).isEmpty();
	}

	@Test
	void heapDumpOnOutOfMemoryErrorWithAHeapDumpDirectoryShouldSayWhereTheDumpWillGo(@TempDir Path directory) {
		ManageableFlags.set("HeapDumpPath", directory.toString());
		ManageableFlags.set("HeapDumpOnOutOfMemoryError", "false");
		GcTuning.Applied applied = this.tuning.set("HeapDumpOnOutOfMemoryError", "true");
		assertThat(ManageableFlags.value("HeapDumpOnOutOfMemoryError")).isEqualTo("true");
		assertThat(applied.changes()).containsExactly(new FlagChange("HeapDumpOnOutOfMemoryError", "false", "true"));
		String file = directory.resolve("java_pid" + ProcessHandle.current().pid()).toString();
		assertThat(applied.warnings()).singleElement()
			.asString()
			.contains("to " + file + ".hprof")
			.contains("no free-space check and no retention");
	}

	@Test
	void heapDumpOnOutOfMemoryErrorWithAHeapDumpPathInAMissingDirectoryShouldBeRefused(@TempDir Path directory) {
		ManageableFlags.set("HeapDumpPath", directory.resolve("missing").resolve("oom.hprof").toString());
		ManageableFlags.set("HeapDumpOnOutOfMemoryError", "false");
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.tuning.set("HeapDumpOnOutOfMemoryError", "true"))
			.withMessageContaining(directory.resolve("missing") + " does not exist");
		assertThat(ManageableFlags.value("HeapDumpOnOutOfMemoryError")).isEqualTo("false");
	}

	@Test
	void aggressiveThenRelaxedThenDefaultsShouldEachBeAcceptedByHotSpotInOrder() {
		GcTuning.Applied aggressive = this.tuning.applyPreset("aggressive");
		assertThat(ManageableFlags.value("MinHeapFreeRatio")).isEqualTo("10");
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("30");
		assertThat(ManageableFlags.value("G1PeriodicGCInterval")).isEqualTo("60000");
		assertThat(aggressive.skipped()).extracting(GcTuning.Skipped::flag).containsExactly("SoftMaxHeapSize");
		// 10/30 -> 50/90 only works if Max goes up first; 50/90 -> 10/30 only if Min goes
		// down first: HotSpot refuses the other order.
		this.tuning.applyPreset("RELAXED");
		assertThat(ManageableFlags.value("MinHeapFreeRatio")).isEqualTo("50");
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("90");
		assertThat(ManageableFlags.value("G1PeriodicGCInterval")).isEqualTo("0");
		this.tuning.applyPreset("aggressive");
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("30");
		GcTuning.Applied defaults = this.tuning.applyPreset("defaults");
		assertThat(defaults.changes()).extracting(FlagChange::flag)
			.containsExactlyInAnyOrder("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval");
		for (String flag : List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval")) {
			assertThat(ManageableFlags.value(flag)).isEqualTo(this.saved.saved(flag));
		}
		assertThat(this.events).extracting(GcTuningChangedEvent::trigger)
			.containsExactly("preset aggressive", "preset relaxed", "preset aggressive", "preset defaults");
	}

	@Test
	void aPresetShouldBeAllOrNothingWhenTheJvmRefusesALaterValue() {
		FailingOn failing = new FailingOn("G1PeriodicGCInterval",
				new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer()));
		GcTuning tuning = new GcTuning(failing, this.events::add, Clock.systemUTC());
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> tuning.applyPreset("aggressive"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.REJECTED))
			.withMessageContaining("The JVM refused G1PeriodicGCInterval=60000 (refused for the test)")
			.withMessageContaining("Nothing stays changed: rolled back");
		assertThat(failing.written).as("ratios were written before the failure")
			.contains("MaxHeapFreeRatio=30", "MinHeapFreeRatio=10");
		for (String flag : List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval")) {
			assertThat(ManageableFlags.value(flag)).as(flag).isEqualTo(this.saved.saved(flag));
		}
		assertThat(this.events).isEmpty();
	}

	@Test
	void aFlagHotSpotCannotChangeAtRuntimeShouldBeRefusedWithTheStartUpOption() {
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> this.tuning.set("UseG1GC", "false"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.NOT_CHANGEABLE))
			.withMessageContaining("cannot be switched or turned off while it runs");
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> this.tuning.set("MaxHeapSize", "1g"))
			.withMessageContaining("-Xmx");
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.tuning.set("ParallelGCThreads", "1"))
			.withMessage("ParallelGCThreads is not manageable: HotSpot reads it only at start-up. Restart with "
					+ "-XX:ParallelGCThreads=1");
	}

	@Test
	void aPathFlagShouldBeRefusedEvenThoughHotSpotWouldTakeIt() {
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.tuning.set("HeapDumpPath", "/etc/cron.d/x.hprof"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.NOT_CHANGEABLE));
		assertThat(ManageableFlags.value("HeapDumpPath")).isEqualTo(this.saved.saved("HeapDumpPath"));
	}

	@Test
	void unknownFlagsAndPresetsShouldBeRefusedWithWhatExists() {
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> this.tuning.set("NoSuchFlag", "1"))
			.withMessageStartingWith("No VM flag named 'NoSuchFlag' on this JVM.");
		assertThatExceptionOfType(TuningException.class).isThrownBy(() -> this.tuning.applyPreset("turbo"))
			.withMessageStartingWith("No preset named 'turbo'. Presets: aggressive");
	}

	@Test
	void aJvmWithoutTheDiagnosticMBeanShouldAnswerUnavailable() {
		GcTuning tuning = new GcTuning(new HotSpotVmFlags(javax.management.MBeanServerFactory.newMBeanServer()),
				this.events::add, Clock.systemUTC());
		assertThat(tuning.isAvailable()).isFalse();
		assertThatExceptionOfType(TuningException.class).isThrownBy(tuning::state)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.UNAVAILABLE));
	}

	private static GcTuning.FlagState flag(GcTuning.State state, String name) {
		return state.flags().stream().filter((flag) -> flag.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * The real flags, except that one flag is refused the way HotSpot refuses a value.
	 */
	static final class FailingOn implements VmFlagAccess {

		private final String refused;

		private final VmFlagAccess delegate;

		final List<String> written = new ArrayList<>();

		FailingOn(String refused, VmFlagAccess delegate) {
			this.refused = refused;
			this.delegate = delegate;
		}

		@Override
		public boolean isAvailable() {
			return this.delegate.isAvailable();
		}

		@Override
		public List<VmFlag> manageable() {
			return this.delegate.manageable();
		}

		@Override
		public Optional<VmFlag> find(String name) {
			return this.delegate.find(name);
		}

		@Override
		public void set(String name, String value) {
			if (name.equals(this.refused)) {
				throw new FlagRejectedException("refused for the test");
			}
			this.delegate.set(name, value);
			this.written.add(name + "=" + value);
		}

	}

}
