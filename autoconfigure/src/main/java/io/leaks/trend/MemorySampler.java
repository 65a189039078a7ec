package io.leaks.trend;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Reads the figures of a {@link MemorySample} from the platform MXBeans and, on Linux,
 * the resident memory from {@code /proc/self/status}. Reading is cheap (no collection,
 * no safepoint) and never throws: what cannot be read is -1.
 */
public final class MemorySampler implements MemorySource {

	private static final Path PROC_STATUS = Path.of("/proc/self/status");

	/** cgroup v2, then v1: the container's memory limit. */
	private static final List<Path> CGROUP_LIMITS = List.of(Path.of("/sys/fs/cgroup/memory.max"),
			Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));

	/** cgroup v1 reports "no limit" as a page-rounded Long.MAX_VALUE; anything above this is none. */
	private static final long NO_LIMIT = 1L << 60;

	private final Path procStatus;

	private final List<Path> cgroupLimits;

	private final VmOption options;

	public MemorySampler() {
		this(PROC_STATUS, CGROUP_LIMITS, MemorySampler::hotSpotOption);
	}

	MemorySampler(Path procStatus) {
		this(procStatus, CGROUP_LIMITS, MemorySampler::hotSpotOption);
	}

	MemorySampler(Path procStatus, List<Path> cgroupLimits, VmOption options) {
		this.procStatus = procStatus;
		this.cgroupLimits = cgroupLimits;
		this.options = options;
	}

	/**
	 * Samples now.
	 * @param atMillis the moment to stamp it with, milliseconds since the JVM started
	 * @return the sample
	 */
	@Override
	public MemorySample sample(long atMillis) {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long metaspaceUsed = -1;
		long metaspaceMax = -1;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if ("Metaspace".equals(pool.getName())) {
				MemoryUsage usage = pool.getUsage();
				metaspaceUsed = usage.getUsed();
				metaspaceMax = usage.getMax();
			}
		}
		long direct = 0;
		long mapped = 0;
		for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
			if ("direct".equals(pool.getName())) {
				direct = pool.getMemoryUsed();
			}
			else if ("mapped".equals(pool.getName())) {
				mapped = pool.getMemoryUsed();
			}
		}
		long directMax = number(this.options.value("MaxDirectMemorySize"));
		if (directMax == 0) {
			// Unset: the JDK then allows as much direct memory as the max heap.
			directMax = heap.getMax();
		}
		return new MemorySample(atMillis, heap.getUsed(), heap.getCommitted(), heap.getMax(), metaspaceUsed,
				metaspaceMax, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
				ManagementFactory.getThreadMXBean().getThreadCount(), direct, mapped, residentBytes(), directMax,
				memoryLimit(), (int) number(this.options.value("MinHeapFreeRatio")));
	}

	/**
	 * The container's memory limit from the cgroup file system.
	 */
	long memoryLimit() {
		for (Path file : this.cgroupLimits) {
			try {
				if (Files.isReadable(file)) {
					String text = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
					long limit = text.equals("max") ? -1 : Long.parseLong(text);
					return (limit <= 0 || limit >= NO_LIMIT) ? -1 : limit;
				}
			}
			catch (IOException | RuntimeException ex) {
				return -1;
			}
		}
		return -1;
	}

	private static long number(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * A VM flag through the HotSpot diagnostic MBean, by name so nothing breaks on a JVM
	 * without it; {@code null} where there is none.
	 */
	private static String hotSpotOption(String name) {
		try {
			Object option = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "getVMOption",
						new Object[] { name }, new String[] { String.class.getName() });
			return (option instanceof CompositeData data) ? String.valueOf(data.get("value")) : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * Reads a VM flag's value.
	 */
	@FunctionalInterface
	interface VmOption {

		String value(String name);

	}

	/**
	 * The {@code VmRSS} line of {@code /proc/self/status} ({@code VmRSS:   123456 kB}).
	 */
	long residentBytes() {
		try {
			if (!Files.isReadable(this.procStatus)) {
				return -1;
			}
			List<String> lines = Files.readAllLines(this.procStatus, StandardCharsets.ISO_8859_1);
			for (String line : lines) {
				if (line.startsWith("VmRSS:")) {
					String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
					long value = Long.parseLong(fields[0]);
					return (fields.length > 1 && fields[1].equalsIgnoreCase("kB")) ? value * 1024 : value;
				}
			}
			return -1;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
