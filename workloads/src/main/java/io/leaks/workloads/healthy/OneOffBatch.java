package io.leaks.workloads.healthy;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A one-off import: at its onset a batch loads records for a few minutes, holds them while
 * it works, and then releases them all.
 */
public final class OneOffBatch implements Scenario {

	static final int CHUNK_BYTES = 16 * 1024;

	static final double SHARE = 0.35;

	static final Duration LATEST_DEFAULT_ONSET = Duration.ofMinutes(10);

	static final Duration RAMP = Duration.ofMinutes(3);

	static final Duration HOLD = Duration.ofMinutes(2);

	private final long onsetMillis;

	private final long loadMillis;

	private final long holdMillis;

	private final long size;

	private final ScenarioSettings settings;

	private final Chunks records = new Chunks(CHUNK_BYTES);

	private boolean started;

	private boolean released;

	public OneOffBatch(ScenarioSettings settings) {
		this.settings = settings;
		Duration quarter = settings.duration().dividedBy(4);
		this.onsetMillis = settings
			.onsetOr((quarter.compareTo(LATEST_DEFAULT_ONSET) < 0) ? quarter : LATEST_DEFAULT_ONSET)
			.toMillis();
		this.size = (long) (settings.heap().free() * settings.shareOr(SHARE));
		Rate rate = settings.byteRateOr(Rate.ofBytes(this.size, settings.rampOr(RAMP)), "batch");
		this.loadMillis = (long) (this.size / rate.perSecond() * 1000);
		this.holdMillis = settings.periodOr(HOLD).toMillis();
	}

	@Override
	public void advance(long elapsedMillis) {
		if (this.released || elapsedMillis < this.onsetMillis) {
			return;
		}
		if (!this.started) {
			this.started = true;
			this.settings.mark("batch-start");
		}
		long into = elapsedMillis - this.onsetMillis;
		if (into >= this.loadMillis + this.holdMillis) {
			this.records.clear();
			this.released = true;
			this.settings.mark("batch-release");
			return;
		}
		this.records.holdAbout(this.size * Math.min(into, this.loadMillis) / Math.max(1, this.loadMillis));
	}

	@Override
	public long held() {
		return this.records.held();
	}

	/**
	 * What the batch holds at its largest.
	 * @return bytes
	 */
	public long size() {
		return this.size;
	}

	@Override
	public void release() {
		this.records.clear();
	}

	@Override
	public String describe() {
		return "one-off batch: at " + this.onsetMillis / 1000 + " s an import loads " + (this.size >> 20) + " MiB over "
				+ this.loadMillis / 1000 + " s, holds it " + this.holdMillis / 1000 + " s and releases it all";
	}

}
