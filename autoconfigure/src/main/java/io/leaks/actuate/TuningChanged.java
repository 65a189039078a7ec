package io.leaks.actuate;

import java.util.List;

import io.leaks.gc.FlagChange;
import io.leaks.gc.GcTuning;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code POST /actuator/leaks/tuning}: what changed.
 *
 * @param trigger {@code flag <name>} or {@code preset <name>}
 * @param changes each flag changed, before and after, in the order applied
 * @param skipped flags a preset left alone because the running collector ignores them
 * @param warnings anything else to know
 * @param message a sentence for humans
 */
public record TuningChanged(String trigger, List<FlagChange> changes, List<GcTuning.Skipped> skipped,
		List<String> warnings, String message) implements OperationResponseBody {

	static TuningChanged of(GcTuning.Applied applied) {
		return new TuningChanged(applied.trigger(), applied.changes(), applied.skipped(), applied.warnings(),
				applied.message());
	}

}
