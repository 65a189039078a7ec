package io.leaks.workloads.healthy;

import io.leaks.workloads.scenario.Scenario;

/**
 * A scenario whose memory is one bounded cache of equal entries.
 *
 * @param <V> the cached values
 */
abstract class CachingScenario<V> implements Scenario {

	private final long capacity;

	private final int entryBytes;

	private final LruCache<V> cache;

	private volatile long held;

	/**
	 * @param bound the most bytes the cache holds
	 * @param entryBytes the bytes of one entry
	 */
	CachingScenario(long bound, int entryBytes) {
		this.capacity = Math.max(1, bound / entryBytes);
		this.entryBytes = entryBytes;
		this.cache = new LruCache<>(this.capacity);
	}

	/**
	 * Caches a value, evicting the least recently used one when full.
	 * @param key its key
	 * @param value the value
	 */
	final void put(long key, V value) {
		this.cache.put(key, value);
		this.held = (long) this.cache.size() * this.entryBytes;
	}

	final boolean full() {
		return this.cache.size() >= this.capacity;
	}

	final long capacity() {
		return this.capacity;
	}

	@Override
	public final long held() {
		return this.held;
	}

	/**
	 * The most it holds.
	 * @return bytes
	 */
	public final long bound() {
		return this.capacity * this.entryBytes;
	}

	@Override
	public final void release() {
		this.cache.clear();
		this.held = 0;
	}

}
