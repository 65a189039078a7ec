package io.leaks.demo.cache;

import org.jspecify.annotations.Nullable;

/**
 * Where rendered reports are kept between requests.
 */
interface ReportCache {

	/**
	 * The report cached for a key.
	 * @param key the request's cache key
	 * @return the report, or {@code null} when it must be rendered
	 */
	@Nullable CachedReport find(String key);

	void put(CachedReport report);

	int size();

	void clear();

}
