package io.leaks.allocation;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether JFR's leak profiler (the {@code jdk.OldObjectSample} event) works under the
 * running collector. HotSpot long refused it under ZGC and Shenandoah, and measured here it
 * still cannot be relied on there: on JDK 25 it emits nothing under Shenandoah, and under
 * ZGC nothing unless a collection happened to run during the recording (JDK 17 under
 * Shenandoah behaves the same). G1, Parallel and Serial work. The collector is told by
 * its MXBeans' names.
 */
public final class OldObjectSupport {

	private OldObjectSupport() {
	}

	/**
	 * The collector under which old-object samples cannot be relied on.
	 * @param collectorNames the names of the JVM's garbage collector MXBeans
	 * @return {@code ZGC} or {@code Shenandoah}, or {@code null} when the collector is
	 * supported
	 */
	public static @Nullable String unsupportedCollector(List<String> collectorNames) {
		for (String name : collectorNames) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("zgc")) {
				return "ZGC";
			}
			if (lower.startsWith("shenandoah")) {
				return "Shenandoah";
			}
		}
		return null;
	}

}
