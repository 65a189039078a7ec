package io.leaks.allocation;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether JFR's leak profiler (the {@code jdk.OldObjectSample} event) works under the
 * running collector. Measured here on the demo app, recording while its cache leaked with
 * collections running: on JDK 17 every HotSpot collector (G1, Parallel, Serial, ZGC,
 * Shenandoah) reported the samples with their paths; on JDK 25, G1, Parallel and Serial did
 * and ZGC and Shenandoah reported none. JDK versions in between were not measured, so ZGC
 * and Shenandoah count as unsupported after 17. The collector is told by its MXBeans' names.
 */
public final class OldObjectSupport {

	/** The last JDK on which old-object samples were seen under ZGC and Shenandoah. */
	static final int LAST_VERIFIED_CONCURRENT = 17;

	private OldObjectSupport() {
	}

	/**
	 * The collector under which old-object samples cannot be relied on.
	 * @param collectorNames the names of the JVM's garbage collector MXBeans
	 * @param javaVersion the JDK's feature version ({@code 17}, {@code 25})
	 * @return {@code ZGC} or {@code Shenandoah}, or {@code null} when the collector is
	 * supported
	 */
	public static @Nullable String unsupportedCollector(List<String> collectorNames, int javaVersion) {
		if (javaVersion <= LAST_VERIFIED_CONCURRENT) {
			return null;
		}
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
