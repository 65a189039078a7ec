package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A cache keyed by something unique to each request, never evicted: every quote rendered
 * stays.
 */
public final class UnboundedCacheLeak extends SteadyLeak {

	static final int BODY_BYTES = 2048;

	static final Duration FILL = Duration.ofMinutes(25);

	private final Map<String, Quote> cache = new HashMap<>();

	public UnboundedCacheLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "cache-leak"),
				settings.onsetOr(Duration.ZERO), BODY_BYTES + 120);
	}

	@Override
	void keep(long index) {
		String key = "quote?customer=" + (index % 977) + "&requestId=" + index;
		this.cache.put(key, new Quote(key, new byte[BODY_BYTES]));
	}

	@Override
	void drop() {
		this.cache.clear();
	}

	@Override
	public String describe() {
		return "unbounded cache leak: a map keyed by request id keeps every Quote (2 KiB) " + pace();
	}

	/**
	 * A rendered quote.
	 *
	 * @param key its cache key
	 * @param body the rendered bytes
	 */
	record Quote(String key, byte[] body) {

	}

}
