package io.leaks.workloads.scenario;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test help: small heaps to size scenarios from, virtual time, and the real heap in use
 * after a full collection.
 */
public final class Heaps {

	/** A heap whose free part is 64 MiB: scenarios sized from it stay small. */
	public static final HeapSizing SMALL = new HeapSizing(80L << 20, 12L << 20, 4L << 20);

	private Heaps() {
	}

	/**
	 * Settings for a scenario on the small heap.
	 * @param duration the run's length
	 * @return the settings
	 */
	public static ScenarioSettings small(Duration duration) {
		return ScenarioSettings.defaults(SMALL, duration);
	}

	/**
	 * Runs a scenario through virtual time, a step at a time.
	 * @param scenario the scenario
	 * @param from the first time
	 * @param to the last time
	 * @param step the step
	 * @return what it held at every step
	 */
	public static List<Long> run(Scenario scenario, Duration from, Duration to, Duration step) {
		List<Long> held = new ArrayList<>();
		for (long t = from.toMillis(); t <= to.toMillis(); t += step.toMillis()) {
			scenario.advance(t);
			held.add(scenario.held());
		}
		return held;
	}

	/**
	 * The heap in use after full collections, as steady as a test gets it.
	 * @return bytes
	 */
	public static long usedAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/**
	 * Metaspace in use.
	 * @return bytes, or -1 without a metaspace pool
	 */
	public static long metaspaceUsed() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getName().equals("Metaspace")) {
				return pool.getUsage().getUsed();
			}
		}
		return -1;
	}

}
