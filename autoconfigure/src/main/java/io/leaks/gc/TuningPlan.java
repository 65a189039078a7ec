package io.leaks.gc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Orders flag changes so that every intermediate state the JVM sees keeps its constraints:
 * HotSpot refuses {@code MinHeapFreeRatio > MaxHeapFreeRatio} at every single write, so
 * moving both ratios up past the current maximum must raise the maximum first, and moving
 * both down below the current minimum must lower the minimum first.
 */
final class TuningPlan {

	private TuningPlan() {
	}

	/**
	 * Plans a change.
	 * @param current every flag's current value
	 * @param targets the values wanted, already normalized by their rules
	 * @param rules the rules (for constraints and value comparison)
	 * @return the writes to make, in a safe order, without those that change nothing
	 * @throws TuningException if the resulting state would break a constraint
	 */
	static List<FlagChange> of(Map<String, String> current, Map<String, String> targets, FlagRules rules) {
		Map<String, String> after = new LinkedHashMap<>(current);
		after.putAll(targets);
		rules.checkConstraints(after);
		List<FlagChange> changes = new ArrayList<>();
		for (Map.Entry<String, String> target : targets.entrySet()) {
			String before = current.getOrDefault(target.getKey(), "");
			boolean same = rules.rule(target.getKey())
				.map((rule) -> rule.sameValue(before, target.getValue()))
				.orElse(before.equals(target.getValue()));
			if (!same) {
				changes.add(new FlagChange(target.getKey(), before, target.getValue()));
			}
		}
		return orderRatios(changes, current);
	}

	private static List<FlagChange> orderRatios(List<FlagChange> changes, Map<String, String> current) {
		FlagChange min = find(changes, FlagRules.MIN_HEAP_FREE_RATIO);
		FlagChange max = find(changes, FlagRules.MAX_HEAP_FREE_RATIO);
		if (min == null || max == null) {
			return changes;
		}
		long currentMin = Long.parseLong(current.getOrDefault(FlagRules.MIN_HEAP_FREE_RATIO, "0"));
		long newMax = Long.parseLong(max.after());
		// Max first keeps currentMin <= newMax, then newMin <= newMax; otherwise newMax <
		// currentMin <= currentMax, so newMin <= newMax < currentMax and Min goes first.
		List<FlagChange> ordered = new ArrayList<>();
		if (currentMin <= newMax) {
			ordered.add(max);
			ordered.add(min);
		}
		else {
			ordered.add(min);
			ordered.add(max);
		}
		for (FlagChange change : changes) {
			if (change != min && change != max) {
				ordered.add(change);
			}
		}
		return ordered;
	}

	private static @Nullable FlagChange find(List<FlagChange> changes, String flag) {
		for (FlagChange change : changes) {
			if (change.flag().equals(flag)) {
				return change;
			}
		}
		return null;
	}

}
