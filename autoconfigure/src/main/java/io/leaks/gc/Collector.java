package io.leaks.gc;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The garbage collector a HotSpot JVM runs. It is fixed when the JVM starts; it decides
 * which tuning flags do anything.
 */
public enum Collector {

	G1("G1", "UseG1GC"),

	PARALLEL("Parallel", "UseParallelGC"),

	SERIAL("Serial", "UseSerialGC"),

	ZGC("ZGC", "UseZGC"),

	SHENANDOAH("Shenandoah", "UseShenandoahGC"),

	/** No collection at all; only for tests and very short-lived programs. */
	EPSILON("Epsilon", "UseEpsilonGC"),

	UNKNOWN("unknown", null);

	private final String displayName;

	private final @Nullable String flag;

	Collector(String displayName, @Nullable String flag) {
		this.displayName = displayName;
		this.flag = flag;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * The start-up flag that selects this collector.
	 * @return the flag's name, such as {@code UseG1GC}
	 */
	public @Nullable String flag() {
		return this.flag;
	}

	/**
	 * Finds the running collector from the {@code Use...GC} flags.
	 * @param flagValue reads a flag's value
	 * @return the collector whose flag is on, or {@link #UNKNOWN}
	 */
	public static Collector detect(Function<String, Optional<String>> flagValue) {
		for (Collector collector : values()) {
			if (collector.flag != null && flagValue.apply(collector.flag).map(Boolean::parseBoolean).orElse(false)) {
				return collector;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Finds a collector by its selecting flag.
	 * @param flag a flag name such as {@code UseZGC}
	 * @return the collector, or empty if the flag selects none
	 */
	static Optional<Collector> selectedBy(String flag) {
		for (Collector collector : values()) {
			if (flag.equals(collector.flag)) {
				return Optional.of(collector);
			}
		}
		return Optional.empty();
	}

}
