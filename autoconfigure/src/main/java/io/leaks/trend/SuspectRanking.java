package io.leaks.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.leaks.histogram.JdkClasses;
import org.jspecify.annotations.Nullable;

/**
 * Names the suspects of a leak from spaced live histograms: the classes whose instance
 * count grew in every step. A leak shows up by count in the application class that is
 * retained (one more listener, session, cache entry per request), while {@code byte[]},
 * {@code String} and {@code HashMap$Node} grow alongside any leak and dominate by bytes;
 * so application classes come first, each group by instances gained.
 */
final class SuspectRanking {

	/** Suspects named at most. */
	static final int MAX_SUSPECTS = 10;

	/**
	 * The starter's own packages: its bounded buffers grow while they fill, and must not
	 * accuse themselves.
	 */
	private static final List<String> STARTER_PACKAGES = List.of("io.leaks.trend.", "io.leaks.histogram.",
			"io.leaks.gc.", "io.leaks.jvm.", "io.leaks.actuate.", "io.leaks.autoconfigure.", "io.leaks.heapdump.",
			"io.leaks.web.", "io.leaks.trace.");

	private SuspectRanking() {
	}

	/**
	 * Ranks the classes that grew in every step.
	 * @param steps at least two live histograms' counts, oldest first
	 * @return the ranking
	 */
	static Ranking rank(List<ClassCounts> steps) {
		if (steps.size() < 2) {
			return new Ranking(List.of(), 0, 0);
		}
		List<Map<String, long[]>> counts = new ArrayList<>();
		for (ClassCounts step : steps) {
			counts.add(index(step));
		}
		Map<String, long[]> first = counts.get(0);
		Map<String, long[]> last = counts.get(counts.size() - 1);
		List<Suspect> suspects = new ArrayList<>();
		long bestLeastGain = 0;
		for (Map.Entry<String, long[]> entry : last.entrySet()) {
			String key = entry.getKey();
			long leastGain = leastGain(key, counts);
			if (leastGain <= 0 || isStarters(key)) {
				continue;
			}
			bestLeastGain = Math.max(bestLeastGain, leastGain);
			long[] now = entry.getValue();
			long[] then = first.get(key);
			String className = key.substring(0, key.indexOf('\u0000'));
			String module = key.substring(key.indexOf('\u0000') + 1);
			suspects.add(new Suspect(className, JdkClasses.displayName(className), now[0] - then[0],
					now[1] - then[1], now[0], now[1], JdkClasses.isJdk(className, module.isEmpty() ? null : module)));
		}
		// A lambda's hidden class grows with what it captured, one per leaked object, but it
		// is the holder: the class a developer looks for is the one captured.
		suspects.sort(Comparator.comparing(Suspect::jdk)
			.thenComparing((suspect) -> synthetic(suspect.className()))
			.thenComparing(Comparator.comparingLong(Suspect::instancesDelta).reversed())
			.thenComparing(Suspect::className));
		return new Ranking(List.copyOf(suspects.subList(0, Math.min(MAX_SUSPECTS, suspects.size()))),
				suspects.size(), bestLeastGain);
	}

	/** Whether a class is generated (a lambda's or a proxy's hidden class), not written. */
	static boolean synthetic(String className) {
		return className.contains("$$Lambda") || className.contains("$$SpringCGLIB$$")
				|| className.startsWith("jdk.proxy") || className.contains("$Proxy");
	}

	private static boolean isStarters(String key) {
		String element = key.substring(key.lastIndexOf('[') + 1);
		element = element.startsWith("L") ? element.substring(1) : element;
		for (String starter : STARTER_PACKAGES) {
			if (element.startsWith(starter) && element.indexOf('.', starter.length()) < 0) {
				return true;
			}
		}
		return false;
	}

	/** The fewest instances the class gained in any step, or 0 if it did not grow in every one. */
	private static long leastGain(String key, List<Map<String, long[]>> counts) {
		long least = Long.MAX_VALUE;
		for (int i = 1; i < counts.size(); i++) {
			long[] before = counts.get(i - 1).get(key);
			long[] after = counts.get(i).get(key);
			if (before == null || after == null || after[0] <= before[0]) {
				return 0;
			}
			least = Math.min(least, after[0] - before[0]);
		}
		return least;
	}

	/**
	 * Instances and bytes per class. Same-named classes of different class loaders are
	 * summed here: a leak through either still grows the sum.
	 */
	private static Map<String, long[]> index(ClassCounts step) {
		Map<String, long[]> index = new HashMap<>(step.size() * 2);
		for (int i = 0; i < step.size(); i++) {
			long[] sums = index.computeIfAbsent(key(step.className(i), step.module(i)), (k) -> new long[2]);
			sums[0] += step.instances(i);
			sums[1] += step.bytes(i);
		}
		return index;
	}

	private static String key(String className, @Nullable String module) {
		return className + '\u0000' + ((module != null) ? module : "");
	}

	/**
	 * The classes that grew in every step.
	 *
	 * @param suspects the most suspicious, at most {@link #MAX_SUSPECTS}
	 * @param growing how many classes grew in every step
	 * @param leastGain the largest, over those classes, of the fewest instances a class
	 * gained in one step
	 */
	record Ranking(List<Suspect> suspects, int growing, long leastGain) {

	}

}
