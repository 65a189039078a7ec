package io.leaks.demo.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fix: at most {@code maxEntries} reports, least recently used evicted first, and none
 * served after {@code timeToLive}. Plain {@link LinkedHashMap} in access order; a library
 * cache (Caffeine) does the same with less locking.
 */
final class BoundedReportCache implements ReportCache {

	private final int maxEntries;

	private final Duration timeToLive;

	private final Clock clock;

	private final LinkedHashMap<String, CachedReport> reports;

	BoundedReportCache(int maxEntries, Duration timeToLive, Clock clock) {
		this.maxEntries = maxEntries;
		this.timeToLive = timeToLive;
		this.clock = clock;
		this.reports = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CachedReport> eldest) {
				return size() > BoundedReportCache.this.maxEntries;
			}

		};
	}

	@Override
	public synchronized @Nullable CachedReport find(String key) {
		CachedReport cached = this.reports.get(key);
		if (cached != null && isExpired(cached)) {
			this.reports.remove(key);
			return null;
		}
		return cached;
	}

	@Override
	public synchronized void put(CachedReport report) {
		this.reports.put(report.key(), report);
	}

	private boolean isExpired(CachedReport report) {
		return report.renderedAt().plus(this.timeToLive).isBefore(Instant.now(this.clock));
	}

	@Override
	public synchronized int size() {
		return this.reports.size();
	}

	@Override
	public synchronized void clear() {
		this.reports.clear();
	}

}
