package io.leaks.gc;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The manageable flags leaks knows (HotSpot, JDK 17), which of them it lets a request
 * change, their ranges and the constraints between them. Flags the JVM reports that are
 * not listed here are shown but never written: leaks cannot validate what it does not
 * know. Pure logic, built for one JVM from its collector and heap bounds.
 */
public final class FlagRules {

	static final String MIN_HEAP_FREE_RATIO = "MinHeapFreeRatio";

	static final String MAX_HEAP_FREE_RATIO = "MaxHeapFreeRatio";

	static final String G1_PERIODIC_GC_INTERVAL = "G1PeriodicGCInterval";

	static final String G1_PERIODIC_GC_SYSTEM_LOAD_THRESHOLD = "G1PeriodicGCSystemLoadThreshold";

	static final String SOFT_MAX_HEAP_SIZE = "SoftMaxHeapSize";

	private static final Set<Collector> SIZING_BY_FREE_RATIO = EnumSet.of(Collector.G1, Collector.PARALLEL,
			Collector.SERIAL);

	private static final Set<Collector> ONLY_G1 = EnumSet.of(Collector.G1);

	// ZGC and Shenandoah honour SoftMaxHeapSize on JDK 17; G1, Parallel and Serial accept
	// the flag and ignore it.
	private static final Set<Collector> SOFT_MAX_HONOURED = EnumSet.of(Collector.ZGC, Collector.SHENANDOAH);

	private final Collector collector;

	private final long minHeapSize;

	private final long maxHeapSize;

	private final Map<String, FlagRule> rules = new LinkedHashMap<>();

	public FlagRules(Collector collector, long minHeapSize, long maxHeapSize) {
		this.collector = collector;
		this.minHeapSize = Math.max(1, minHeapSize);
		this.maxHeapSize = maxHeapSize;
		Set<Collector> all = FlagRule.EVERY_COLLECTOR;
		add(MIN_HEAP_FREE_RATIO, FlagType.INTEGER, 0, 100, false, SIZING_BY_FREE_RATIO,
				"After a GC, grow the heap if less than this percentage of it is free");
		add(MAX_HEAP_FREE_RATIO, FlagType.INTEGER, 0, 100, false, SIZING_BY_FREE_RATIO,
				"After a GC, shrink the heap (give memory back to the OS) if more than this percentage of it is free");
		add(G1_PERIODIC_GC_INTERVAL, FlagType.INTEGER, 1000, Long.MAX_VALUE / 2, true, ONLY_G1,
				"Milliseconds without any GC after which G1 runs a concurrent cycle that can give memory back; 0 = off");
		add(G1_PERIODIC_GC_SYSTEM_LOAD_THRESHOLD, FlagType.DECIMAL, 0, Long.MAX_VALUE, false, ONLY_G1,
				"Skip periodic G1 cycles while the 1-minute system load average is above this; 0 = ignore the load");
		add(SOFT_MAX_HEAP_SIZE, FlagType.SIZE, this.minHeapSize, maxHeapSize, false, SOFT_MAX_HONOURED,
				"Heap size the collector tries to stay under (it may grow beyond it rather than fail)");
		add("HeapDumpOnOutOfMemoryError", FlagType.BOOLEAN, 0, 0, false, all,
				"Write a heap dump when the first OutOfMemoryError is thrown, to -XX:HeapDumpPath (leaks turns it on "
						+ "only when that is set)");
		add("HeapDumpGzipLevel", FlagType.INTEGER, 0, 9, false, all,
				"gzip level of the heap dumps the JVM writes by itself (on OutOfMemoryError); 0 = uncompressed");
		add("PrintClassHistogram", FlagType.BOOLEAN, 0, 0, false, all,
				"Print a class histogram on SIGQUIT (kill -3)");
		add("PrintConcurrentLocks", FlagType.BOOLEAN, 0, 0, false, all,
				"List java.util.concurrent locks in thread dumps (kill -3)");
		add("ShowCodeDetailsInExceptionMessages", FlagType.BOOLEAN, 0, 0, false, all,
				"Name the null expression in NullPointerException messages");
		refuse("HeapDumpPath", FlagType.TEXT, all, "Where the JVM writes heap dumps it takes by itself",
				"leaks never hands a path from an HTTP request to the JVM. Set it at start-up, for example "
						+ "-XX:HeapDumpPath=/var/dumps; on-demand dumps go to leaks.heap-dump.directory");
		String everyFullGc = "would make the JVM write a whole-heap dump at every full GC, with no free-space check "
				+ "and no retention, which can fill the disk and stall the service. Take dumps with POST "
				+ "/actuator/leaks/heapdumps instead, or set it at start-up (-XX:+";
		refuse("HeapDumpBeforeFullGC", FlagType.BOOLEAN, all, "Write a heap dump before every full GC",
				everyFullGc + "HeapDumpBeforeFullGC) if you really need it");
		refuse("HeapDumpAfterFullGC", FlagType.BOOLEAN, all, "Write a heap dump after every full GC",
				everyFullGc + "HeapDumpAfterFullGC) if you really need it");
	}

	public Collector collector() {
		return this.collector;
	}

	public long minHeapSize() {
		return this.minHeapSize;
	}

	public long maxHeapSize() {
		return this.maxHeapSize;
	}

	/**
	 * The rule for a flag, including flags leaks refuses to change.
	 * @param name the flag's name
	 * @return the rule, or empty if leaks does not know the flag
	 */
	public Optional<FlagRule> rule(String name) {
		return Optional.ofNullable(this.rules.get(name));
	}

	/**
	 * The rule for a manageable flag the JVM reported; a flag leaks does not know gets a
	 * rule that refuses changes.
	 * @param flag the flag
	 * @return its rule
	 */
	public FlagRule ruleFor(VmFlag flag) {
		return rule(flag.name()).orElseGet(() -> new FlagRule(flag.name(), FlagType.infer(flag.value()), 0, 0, false,
				FlagRule.EVERY_COLLECTOR, "Not known to leaks",
				"it is manageable on this JVM but not on the list of flags leaks knows how to validate. Change it with "
						+ "jcmd <pid> VM.set_flag " + flag.name() + " <value>, or at start-up with -XX:" + flag.name()
						+ "=<value>"));
	}

	/**
	 * Checks the constraints between flags in a state that would result from a change.
	 * @param state every flag's value after the change
	 * @throws TuningException if a constraint would break
	 */
	public void checkConstraints(Map<String, String> state) {
		String min = state.get(MIN_HEAP_FREE_RATIO);
		String max = state.get(MAX_HEAP_FREE_RATIO);
		if (min != null && max != null && Long.parseLong(min) > Long.parseLong(max)) {
			throw new TuningException(TuningException.Reason.INVALID, "MinHeapFreeRatio (" + min
					+ ") must not exceed MaxHeapFreeRatio (" + max + "). Lower MinHeapFreeRatio, or raise "
					+ "MaxHeapFreeRatio first, or apply a preset, which changes both in a safe order");
		}
	}

	/**
	 * Explains why a flag that is not manageable cannot change at runtime, and what to do
	 * instead.
	 * @param name the flag's name
	 * @param value the value that was asked for
	 * @return the message
	 */
	public String notManageable(String name, String value) {
		Optional<Collector> selected = Collector.selectedBy(name);
		if (selected.isPresent()) {
			if (selected.get() == Collector.EPSILON) {
				return "Garbage collection cannot be turned off while the JVM runs. Epsilon, the collector that never "
						+ "collects, is chosen at start-up (-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC) "
						+ "and is only fit for tests and very short-lived programs";
			}
			if (selected.get() == this.collector) {
				return "This JVM runs " + this.collector.displayName() + ": the collector is chosen when the JVM starts "
						+ "and cannot be switched or turned off while it runs. To use another one, restart with "
						+ "-XX:+UseParallelGC, -XX:+UseSerialGC, -XX:+UseZGC or -XX:+UseG1GC";
			}
			return "The collector is chosen when the JVM starts and cannot be switched while it runs (this JVM runs "
					+ this.collector.displayName() + "). To use " + selected.get().displayName() + ", restart with -XX:+"
					+ name;
		}
		if (name.equals("DisableExplicitGC") || name.equals("ExplicitGCInvokesConcurrent")) {
			return name + " is read only at start-up: restart with -XX:+" + name + " or -XX:-" + name;
		}
		if (name.equals("MaxHeapSize") || name.equals("InitialHeapSize") || name.equals("MinHeapSize")) {
			return "Heap bounds are fixed at start-up (-Xmx, -Xms). To give memory back while running, lower "
					+ "MaxHeapFreeRatio (G1, Parallel, Serial) or SoftMaxHeapSize (ZGC, Shenandoah), or apply "
					+ "{\"preset\": \"aggressive\"}";
		}
		boolean bool = "true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim());
		return name + " is not manageable: HotSpot reads it only at start-up. Restart with "
				+ (bool ? "-XX:+" + name + " or -XX:-" + name : "-XX:" + name + "=" + value.trim());
	}

	/**
	 * Explains that no such flag exists.
	 * @param name the name that was asked for
	 * @return the message
	 */
	public static String unknown(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		String hint = (lower.contains("gc") && (lower.contains("disable") || lower.contains("off")))
				? " Garbage collection cannot be turned off on the JVM; the nearest is the Epsilon collector, chosen "
						+ "at start-up (-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC) and only fit for tests."
				: "";
		return "No VM flag named '" + printable(name) + "' on this JVM." + hint
				+ " GET /actuator/leaks/tuning lists the flags that can change at runtime";
	}

	private void add(String name, FlagType type, long min, long max, boolean zeroMeansOff, Set<Collector> honouredBy,
			String purpose) {
		this.rules.put(name, new FlagRule(name, type, min, max, zeroMeansOff, honouredBy, purpose, null));
	}

	private void refuse(String name, FlagType type, Set<Collector> honouredBy, String purpose,
			@Nullable String refusal) {
		this.rules.put(name, new FlagRule(name, type, 0, 0, false, honouredBy, purpose, refusal));
	}

	private static String printable(String name) {
		String shown = name.codePoints()
			.limit(80)
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (name.length() > 80) ? shown + "..." : shown;
	}

}
