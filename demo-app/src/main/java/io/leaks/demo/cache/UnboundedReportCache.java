package io.leaks.demo.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The leak: a class-level map that nothing ever evicts from. Keyed by something unique per
 * request (a query string with a timestamp, a session id), it gains an entry per request
 * for as long as the class is loaded.
 */
final class UnboundedReportCache implements ReportCache {

	private static final Map<String, CachedReport> REPORTS = new ConcurrentHashMap<>();

	@Override
	public @Nullable CachedReport find(String key) {
		return REPORTS.get(key);
	}

	@Override
	public void put(CachedReport report) {
		REPORTS.put(report.key(), report);
	}

	@Override
	public int size() {
		return REPORTS.size();
	}

	@Override
	public void clear() {
		REPORTS.clear();
	}

}
