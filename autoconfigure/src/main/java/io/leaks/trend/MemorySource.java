package io.leaks.trend;

/**
 * Where the watch reads memory figures: the platform MXBeans in a running service
 * ({@link MemorySampler}), a recorded trace in a replay.
 */
@FunctionalInterface
public interface MemorySource {

	/**
	 * Samples now.
	 * @param atMillis the moment to stamp it with, milliseconds since the JVM started
	 * @return the sample
	 */
	MemorySample sample(long atMillis);

}
