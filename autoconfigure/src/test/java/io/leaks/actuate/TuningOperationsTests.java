package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leaks.gc.GcTuning;
import io.leaks.gc.GcTuningChangedEvent;
import io.leaks.gc.HotSpotVmFlags;
import io.leaks.gc.ManageableFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.leaks.actuate.SnapshotOperationsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GC tuning without HTTP, on the test JVM's own flags, each change undone after the test.
 */
class TuningOperationsTests {

	@RegisterExtension
	final ManageableFlags saved = ManageableFlags.restoredAfterEachTest();

	private final List<GcTuningChangedEvent> events = new ArrayList<>();

	private final TuningOperations operations = new TuningOperations(
			new GcTuning(new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer()), this.events::add,
					Clock.systemUTC()),
			() -> Map.of("leaks.snapshots.max-count", 10));

	@Test
	void viewShouldListTheFlagsPresetsAndSettings() {
		TuningView view = this.operations.view();
		assertThat(view.flags()).anySatisfy((flag) -> assertThat(flag.name()).isEqualTo("MaxHeapFreeRatio"));
		assertThat(view.presets()).extracting(GcTuning.PresetPreview::name)
			.contains("aggressive", "relaxed", "defaults");
		assertThat(view.settings()).containsEntry("leaks.snapshots.max-count", 10);
	}

	@Test
	void changeShouldSetOneFlag() {
		TuningChanged changed = this.operations.change("MaxHeapFreeRatio", "55", null);
		assertThat(changed.trigger()).isEqualTo("flag MaxHeapFreeRatio");
		assertThat(ManageableFlags.value("MaxHeapFreeRatio")).isEqualTo("55");
		assertThat(this.events).hasSize(1);
	}

	@Test
	void changeShouldSayWhatToSendWhenTheRequestIsIncomplete() {
		assertRefused(() -> this.operations.change(null, null, null), 400, "{\"preset\": \"aggressive\"}");
		assertRefused(() -> this.operations.change("MaxHeapFreeRatio", " ", null), 400, "value is required");
		assertRefused(() -> this.operations.change("MaxHeapFreeRatio", "50", "relaxed"), 400, "not both");
		assertRefused(() -> this.operations.change("MaxHeapFreeRatio", "101", null), 400, "0 to 100");
		assertThat(this.events).isEmpty();
	}

}
