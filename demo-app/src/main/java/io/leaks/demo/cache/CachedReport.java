package io.leaks.demo.cache;

import java.time.Instant;

/**
 * A rendered report, cached by the request that asked for it.
 *
 * @param key the request the report answers
 * @param renderedAt when it was rendered
 * @param body the rendered bytes
 */
public record CachedReport(String key, Instant renderedAt, byte[] body) {

	/** Size of a rendered body: a few KiB, so 1,000 reports cost a few MiB. */
	static final int BODY_BYTES = 2048;

	static CachedReport render(String key, Instant now) {
		return new CachedReport(key, now, new byte[BODY_BYTES]);
	}

}
