package io.leaks.actuate;

import java.util.List;
import java.util.Map;

import io.leaks.gc.GcTuning;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/tuning}: the VM flags that can change at runtime, the presets,
 * and the starter's own settings.
 *
 * @param collector the running garbage collector
 * @param flags every manageable flag with its value now and at start-up and whether it
 * does anything under this collector
 * @param presets what each preset would set on this JVM
 * @param settings the starter's own {@code leaks.*} settings
 */
public record TuningView(String collector, List<GcTuning.FlagState> flags, List<GcTuning.PresetPreview> presets,
		Map<String, Object> settings) implements OperationResponseBody {

	static TuningView of(GcTuning.State state, Map<String, Object> settings) {
		return new TuningView(state.collector(), state.flags(), state.presets(), settings);
	}

}
