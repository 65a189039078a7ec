package io.leaks.workloads.healthy;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A least-recently-used cache of price quotes: every request for a new quote inserts one,
 * the cache fills to its bound and from then on evicts one old quote per new one, so
 * old-generation garbage churns at the insert rate while the retained heap stays flat.
 */
public final class EvictingCache extends CachingScenario<EvictingCache.PriceQuote> {

	static final int ENTRY_BYTES = 4 * 1024;

	static final double SHARE = 0.3;

	static final Duration RAMP = Duration.ofMinutes(5);

	private final Rate rate;

	private final ScenarioSettings settings;

	private long inserted;

	private boolean full;

	public EvictingCache(ScenarioSettings settings) {
		super((long) (settings.heap().free() * settings.shareOr(SHARE)), ENTRY_BYTES);
		this.settings = settings;
		this.rate = settings.byteRateOr(Rate.ofBytes(bound(), settings.rampOr(RAMP)), "evicting-cache");
	}

	@Override
	public void advance(long elapsedMillis) {
		long due = (long) (this.rate.over(elapsedMillis) / ENTRY_BYTES);
		while (this.inserted < due) {
			put(this.inserted, new PriceQuote(this.inserted, new byte[ENTRY_BYTES]));
			this.inserted++;
		}
		if (!this.full && full()) {
			this.full = true;
			this.settings.mark("cache-full");
		}
	}

	@Override
	public String describe() {
		return "evicting cache: an LRU cache inserts PriceQuote (4 KiB) " + this.rate + ", fills its bound of "
				+ (bound() >> 20) + " MiB and then evicts one quote per insert";
	}

	/**
	 * A cached quote.
	 *
	 * @param id its id
	 * @param body its bytes
	 */
	record PriceQuote(long id, byte[] body) {

	}

}
