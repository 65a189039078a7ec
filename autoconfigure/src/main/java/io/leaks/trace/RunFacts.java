package io.leaks.trace;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.RuntimeMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts about this JVM a trace starts with: what it is, how it collects, how big its
 * heap may grow, and how it was started, so a replay knows what the recording saw.
 */
public final class RunFacts {

	private RunFacts() {
	}

	/**
	 * Reads the facts of this JVM.
	 * @param settings the starter's settings to note beside them
	 * @return the facts, in a stable order
	 */
	public static Map<String, String> ofThisJvm(Map<String, String> settings) {
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("java.version", System.getProperty("java.version", ""));
		facts.put("java.vm.name", System.getProperty("java.vm.name", ""));
		facts.put("java.vm.vendor", System.getProperty("java.vm.vendor", ""));
		facts.put("os.name", System.getProperty("os.name", ""));
		facts.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
		facts.put("host", hostName());
		facts.put("pid", String.valueOf(ProcessHandle.current().pid()));
		facts.put("start.epochMillis", String.valueOf(runtime.getStartTime()));
		facts.put("jvm.arguments", String.join(" ", runtime.getInputArguments()));
		List<String> collectors = new ArrayList<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collectors.add(collector.getName());
		}
		facts.put("collectors", String.join(",", collectors));
		List<String> pools = new ArrayList<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pools.add(pool.getName());
			}
		}
		facts.put("heap.pools", String.join(",", pools));
		facts.put("heap.max", String.valueOf(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()));
		settings.forEach((key, value) -> facts.put("settings." + key, value));
		return facts;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "";
		}
	}

}
