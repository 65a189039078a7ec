package io.leaks.trend;

import org.jspecify.annotations.Nullable;

/**
 * Something to do when a leak is first suspected, before {@code LeakSuspectedEvent} is
 * published: for example write a heap dump while the evidence is still in the heap.
 * Implementations are beans; they must be quick to refuse (rate limits) and never throw.
 */
@FunctionalInterface
public interface SuspicionAction {

	/**
	 * Acts on a new suspicion.
	 * @param resource what is suspected of leaking: {@code heap}, {@code metaspace} or
	 * {@code threads}
	 * @return a short note for the event and the trend output (such as the heap dump's
	 * name), or {@code null} when nothing was done
	 */
	@Nullable String onSuspicion(String resource);

}
