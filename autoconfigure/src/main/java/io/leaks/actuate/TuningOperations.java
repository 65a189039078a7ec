package io.leaks.actuate;

import java.util.Map;
import java.util.function.Supplier;

import io.leaks.gc.GcTuning;
import io.leaks.gc.TuningException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Runtime GC tuning: {@code /tuning}.
 */
public final class TuningOperations implements LeaksOperations {

	private final GcTuning tuning;

	private final Supplier<Map<String, Object>> settings;

	/**
	 * Creates the operations.
	 * @param tuning reads and changes VM flags
	 * @param settings the starter's own settings, shown beside the flags
	 */
	public TuningOperations(GcTuning tuning, Supplier<Map<String, Object>> settings) {
		Assert.notNull(tuning, "'tuning' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.tuning = tuning;
		this.settings = settings;
	}

	boolean isAvailable() {
		return this.tuning.isAvailable();
	}

	TuningView view() {
		return TuningView.of(refusable(this.tuning::state), this.settings.get());
	}

	/**
	 * Changes one flag or applies a preset.
	 * @param flag the flag to change, with {@code value}
	 * @param value its new value
	 * @param preset the preset to apply, instead of a flag
	 * @return what changed
	 */
	TuningChanged change(@Nullable String flag, @Nullable String value, @Nullable String preset) {
		boolean hasPreset = preset != null && !preset.isBlank();
		boolean hasFlag = flag != null && !flag.isBlank();
		if (hasPreset && (hasFlag || value != null)) {
			throw LeaksOperationException.badRequest("Send either {\"preset\": \"aggressive\"} or {\"flag\": "
					+ "\"MaxHeapFreeRatio\", \"value\": \"50\"}, not both");
		}
		if (hasPreset) {
			return TuningChanged.of(refusable(() -> this.tuning.applyPreset(preset)));
		}
		if (!hasFlag) {
			throw LeaksOperationException.badRequest("Send {\"flag\": \"MaxHeapFreeRatio\", \"value\": \"50\"} or "
					+ "{\"preset\": \"aggressive\"} (presets: aggressive, relaxed, defaults); GET "
					+ "/actuator/leaks/tuning lists the flags");
		}
		if (value == null || value.isBlank()) {
			throw LeaksOperationException.badRequest("value is required: {\"flag\": \"" + flag
					+ "\", \"value\": \"...\"}; GET /actuator/leaks/tuning shows each flag's accepted range");
		}
		return TuningChanged.of(refusable(() -> this.tuning.set(flag.trim(), value)));
	}

	/**
	 * The tuning package refuses with its own exception and knows nothing of HTTP: what
	 * the JVM cannot do is 503, anything else the caller asked wrongly.
	 */
	private static <T> T refusable(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (TuningException ex) {
			int status = (ex.reason() == TuningException.Reason.UNAVAILABLE) ? 503 : 400;
			throw new LeaksOperationException(status, ex.getMessage());
		}
	}

}
