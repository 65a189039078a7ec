package io.leaks.jvm;

import java.lang.management.MemoryUsage;

/**
 * Used, committed and maximum bytes of a memory area.
 *
 * @param used bytes in use
 * @param committed bytes the JVM has reserved from the OS
 * @param max most bytes the area may grow to, or {@code -1} if undefined
 */
public record MemoryFigures(long used, long committed, long max) {

	public static MemoryFigures of(MemoryUsage usage) {
		return new MemoryFigures(usage.getUsed(), usage.getCommitted(), usage.getMax());
	}

}
