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

/**
 * Reads the figures of a {@link MemorySample} from the platform MXBeans and, on Linux,
 * the resident memory from {@code /proc/self/status}. Reading is cheap (no collection,
 * no safepoint) and never throws: what cannot be read is -1.
 */
public final class MemorySampler implements MemorySource {

	private static final Path PROC_STATUS = Path.of("/proc/self/status");

	private final Path procStatus;

	public MemorySampler() {
		this(PROC_STATUS);
	}

	MemorySampler(Path procStatus) {
		this.procStatus = procStatus;
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
		return new MemorySample(atMillis, heap.getUsed(), heap.getCommitted(), heap.getMax(), metaspaceUsed,
				metaspaceMax, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
				ManagementFactory.getThreadMXBean().getThreadCount(), direct, mapped, residentBytes());
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
