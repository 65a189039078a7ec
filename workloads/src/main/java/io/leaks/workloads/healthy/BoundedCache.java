package io.leaks.workloads.healthy;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A product catalog cache with a size bound: it fills linearly, one entry per distinct
 * product asked for, up to its bound (a share of the free heap, reached after the ramp)
 * and then stays full, refreshing a few entries a minute. A filling cache looks exactly
 * like a leak until it stops.
 */
public final class BoundedCache extends CachingScenario<BoundedCache.CatalogEntry> {

	static final int ENTRY_BYTES = 8 * 1024;

	static final double SHARE = 0.4;

	static final Duration RAMP = Duration.ofMinutes(20);

	/** After it is full, the share of its entries refreshed per minute. */
	static final double REFRESH_PER_MINUTE = 1.0 / 60;

	private final Rate rate;

	private final ScenarioSettings settings;

	private long inserted;

	private long lastAdvance;

	private double refreshDue;

	private boolean full;

	public BoundedCache(ScenarioSettings settings) {
		super((long) (settings.heap().free() * settings.shareOr(SHARE)), ENTRY_BYTES);
		this.settings = settings;
		this.rate = settings.byteRateOr(Rate.ofBytes(bound(), settings.rampOr(RAMP)), "bounded-cache");
	}

	@Override
	public void advance(long elapsedMillis) {
		long due = Math.min(capacity(), (long) (this.rate.over(elapsedMillis) / ENTRY_BYTES));
		while (this.inserted < due) {
			put(this.inserted, new CatalogEntry(this.inserted, new byte[ENTRY_BYTES]));
			this.inserted++;
		}
		if (this.inserted >= capacity() && !this.full) {
			this.full = true;
			this.settings.mark("cache-full");
		}
		if (this.full) {
			this.refreshDue += capacity() * REFRESH_PER_MINUTE * (elapsedMillis - this.lastAdvance) / 60_000.0;
			for (; this.refreshDue >= 1; this.refreshDue--) {
				long product = (long) (Math.random() * capacity());
				put(product, new CatalogEntry(product, new byte[ENTRY_BYTES]));
			}
		}
		this.lastAdvance = elapsedMillis;
	}

	@Override
	public String describe() {
		return "bounded cache: a catalog cache fills " + this.rate + " with CatalogEntry (8 KiB) up to its bound of "
				+ (bound() >> 20) + " MiB, then stays full refreshing 1/60 of its entries a minute";
	}

	/**
	 * A cached product.
	 *
	 * @param product its id
	 * @param rendered its rendered page
	 */
	record CatalogEntry(long product, byte[] rendered) {

	}

}
