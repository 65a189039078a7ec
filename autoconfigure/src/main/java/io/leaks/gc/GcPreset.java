package io.leaks.gc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named sets of flag values, the JVM counterpart of switching Python's GC thresholds
 * between aggressive and relaxed. Values are exact; flags the running collector ignores
 * are skipped when a preset is applied.
 */
public enum GcPreset {

	/**
	 * Give memory back to the OS sooner: shrink the heap when more than 30% is free, keep
	 * only 10% headroom, let G1 run a periodic cycle after a minute without GC, and (ZGC,
	 * Shenandoah) aim for half the maximum heap.
	 */
	AGGRESSIVE("aggressive", "Give memory back to the OS sooner (lower free ratios, periodic G1 cycles, "
			+ "half the maximum heap as soft maximum where the collector honours it); costs more GC work"),

	/**
	 * Keep headroom for throughput: grow to keep half the heap free after a GC, shrink only
	 * when 90% is free, no periodic cycles, soft maximum at the maximum heap.
	 */
	RELAXED("relaxed", "Keep headroom for throughput (higher free ratios, no periodic G1 cycles, soft maximum "
			+ "at the maximum heap); uses more memory"),

	/** The values every manageable flag had when the application started. */
	DEFAULTS("defaults", "Restore every flag leaks can change to the value it had when the application started");

	/** G1PeriodicGCInterval of the aggressive preset: one minute. */
	static final long AGGRESSIVE_PERIODIC_GC_MILLIS = 60_000;

	private final String id;

	private final String description;

	GcPreset(String id, String description) {
		this.id = id;
		this.description = description;
	}

	public String id() {
		return this.id;
	}

	public String description() {
		return this.description;
	}

	/**
	 * Finds a preset by name.
	 * @param name {@code aggressive}, {@code relaxed} or {@code defaults}, in any case
	 * @return the preset, or empty if there is none of that name
	 */
	public static Optional<GcPreset> of(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		for (GcPreset preset : values()) {
			if (preset.id.equals(wanted)) {
				return Optional.of(preset);
			}
		}
		return Optional.empty();
	}

	/**
	 * The values this preset sets, before skipping flags the collector ignores.
	 * @param rules the rules of this JVM (for its maximum heap)
	 * @param startup the changeable flags' values at start-up
	 * @return flag values, in the JVM's notation
	 */
	public Map<String, String> targets(FlagRules rules, Map<String, String> startup) {
		Map<String, String> targets = new LinkedHashMap<>();
		switch (this) {
			case AGGRESSIVE -> {
				targets.put(FlagRules.MIN_HEAP_FREE_RATIO, "10");
				targets.put(FlagRules.MAX_HEAP_FREE_RATIO, "30");
				targets.put(FlagRules.G1_PERIODIC_GC_INTERVAL, String.valueOf(AGGRESSIVE_PERIODIC_GC_MILLIS));
				targets.put(FlagRules.SOFT_MAX_HEAP_SIZE, String.valueOf(Math.max(rules.minHeapSize(), rules.maxHeapSize() / 2)));
			}
			case RELAXED -> {
				targets.put(FlagRules.MIN_HEAP_FREE_RATIO, "50");
				targets.put(FlagRules.MAX_HEAP_FREE_RATIO, "90");
				targets.put(FlagRules.G1_PERIODIC_GC_INTERVAL, "0");
				targets.put(FlagRules.SOFT_MAX_HEAP_SIZE, String.valueOf(rules.maxHeapSize()));
			}
			case DEFAULTS -> targets.putAll(startup);
		}
		return targets;
	}

}
