package io.leaks.workloads.healthy;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * An export buffer that collects records for minutes and then flushes them all at once:
 * the data is promoted, lives minutes in the old generation, and dies together, so the
 * retained heap climbs like a leak for a whole period and then falls to the bottom.
 */
public final class Sawtooth implements Scenario {

	static final int CHUNK_BYTES = 16 * 1024;

	static final double SHARE = 0.25;

	static final Duration PERIOD = Duration.ofMinutes(8);

	private final long periodMillis;

	private final long peak;

	private final ScenarioSettings settings;

	private final Chunks buffer = new Chunks(CHUNK_BYTES);

	private long flushes;

	public Sawtooth(ScenarioSettings settings) {
		this.settings = settings;
		this.periodMillis = settings.periodOr(PERIOD).toMillis();
		long share = (long) (settings.heap().free() * settings.shareOr(SHARE));
		Rate rate = settings.rateOr(Rate.ofBytes(share, Duration.ofMillis(this.periodMillis)));
		this.peak = (long) rate.over(this.periodMillis);
	}

	@Override
	public void advance(long elapsedMillis) {
		long period = elapsedMillis / this.periodMillis;
		if (period > this.flushes) {
			this.flushes = period;
			this.buffer.clear();
			this.settings.mark("flush");
		}
		this.buffer.holdAbout(this.peak * (elapsedMillis % this.periodMillis) / this.periodMillis);
	}

	@Override
	public long held() {
		return this.buffer.held();
	}

	/**
	 * The most it holds, just before a flush.
	 * @return bytes
	 */
	public long peak() {
		return this.peak;
	}

	@Override
	public void release() {
		this.buffer.clear();
	}

	@Override
	public String describe() {
		return "old-generation sawtooth: an export buffer collects up to " + (this.peak >> 20) + " MiB over "
				+ this.periodMillis / 1000 + " s, then flushes it all";
	}

}
