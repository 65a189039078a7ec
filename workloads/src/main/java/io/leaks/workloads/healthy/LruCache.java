package io.leaks.workloads.healthy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most so many entries, dropping the least recently used: the bound of
 * the healthy caches.
 *
 * @param <V> the cached values
 */
final class LruCache<V> extends LinkedHashMap<Long, V> {

	private final long capacity;

	LruCache(long capacity) {
		super(16, 0.75f, true);
		this.capacity = capacity;
	}

	@Override
	protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
		return size() > this.capacity;
	}

}
