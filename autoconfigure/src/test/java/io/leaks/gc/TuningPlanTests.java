package io.leaks.gc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ordering of flag changes so that HotSpot's per-write constraint (Min <= Max) holds at
 * every step.
 */
class TuningPlanTests {

	private final FlagRules rules = new FlagRules(Collector.G1, 8 << 20, 512 << 20);

	@Test
	void raisingBothRatiosAboveTheCurrentMaxShouldRaiseMaxFirst() {
		List<FlagChange> plan = TuningPlan.of(ratios("10", "30"), ratios("50", "90"), this.rules);
		assertThat(plan).containsExactly(new FlagChange("MaxHeapFreeRatio", "30", "90"),
				new FlagChange("MinHeapFreeRatio", "10", "50"));
	}

	@Test
	void loweringBothRatiosBelowTheCurrentMinShouldLowerMinFirst() {
		List<FlagChange> plan = TuningPlan.of(ratios("50", "90"), ratios("10", "30"), this.rules);
		assertThat(plan).containsExactly(new FlagChange("MinHeapFreeRatio", "50", "10"),
				new FlagChange("MaxHeapFreeRatio", "90", "30"));
	}

	@Test
	void everyIntermediateStateShouldKeepMinAtOrBelowMax() {
		int[] values = { 0, 10, 30, 40, 50, 70, 90, 100 };
		for (int fromMin : values) {
			for (int fromMax : values) {
				for (int toMin : values) {
					for (int toMax : values) {
						if (fromMin <= fromMax && toMin <= toMax) {
							assertStepsStayValid(fromMin, fromMax, toMin, toMax);
						}
					}
				}
			}
		}
	}

	@Test
	void aResultBreakingTheConstraintShouldBeRefusedBeforeAnythingIsWritten() {
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> TuningPlan.of(ratios("40", "70"), Map.of("MinHeapFreeRatio", "80"), this.rules))
			.withMessageContaining("MinHeapFreeRatio (80) must not exceed MaxHeapFreeRatio (70)");
	}

	@Test
	void valuesThatAreAlreadySetShouldNotBeWritten() {
		Map<String, String> current = new LinkedHashMap<>(ratios("40", "70"));
		current.put("G1PeriodicGCSystemLoadThreshold", "0.0");
		Map<String, String> targets = new LinkedHashMap<>(ratios("40", "60"));
		targets.put("G1PeriodicGCSystemLoadThreshold", "0.0");
		assertThat(TuningPlan.of(current, targets, this.rules))
			.containsExactly(new FlagChange("MaxHeapFreeRatio", "70", "60"));
	}

	private void assertStepsStayValid(int fromMin, int fromMax, int toMin, int toMax) {
		Map<String, String> state = new LinkedHashMap<>(ratios(String.valueOf(fromMin), String.valueOf(fromMax)));
		for (FlagChange change : TuningPlan.of(state, ratios(String.valueOf(toMin), String.valueOf(toMax)),
				this.rules)) {
			state.put(change.flag(), change.after());
			assertThat(Integer.parseInt(state.get("MinHeapFreeRatio")))
				.as("%d/%d -> %d/%d after %s", fromMin, fromMax, toMin, toMax, change)
				.isLessThanOrEqualTo(Integer.parseInt(state.get("MaxHeapFreeRatio")));
		}
		assertThat(state).isEqualTo(ratios(String.valueOf(toMin), String.valueOf(toMax)));
	}

	private static Map<String, String> ratios(String min, String max) {
		Map<String, String> ratios = new LinkedHashMap<>();
		ratios.put("MinHeapFreeRatio", min);
		ratios.put("MaxHeapFreeRatio", max);
		return ratios;
	}

}
