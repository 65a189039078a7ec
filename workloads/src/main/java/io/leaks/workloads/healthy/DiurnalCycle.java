package io.leaks.workloads.healthy;

import java.time.Duration;

import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A day compressed into a period: traffic and the active users' state rise from a quiet
 * night to a peak and fall back, and the retained heap follows, up for half a period and
 * down for the other half.
 */
public final class DiurnalCycle implements Scenario {

	static final int CHUNK_BYTES = 16 * 1024;

	static final double SHARE = 0.3;

	static final Duration PERIOD = Duration.ofHours(1);

	/** Load at night, as a share of the peak. */
	static final double NIGHT = 0.15;

	private final long periodMillis;

	private final long peak;

	private final Chunks activeUsers = new Chunks(CHUNK_BYTES);

	public DiurnalCycle(ScenarioSettings settings) {
		this.periodMillis = settings.periodOr(PERIOD).toMillis();
		this.peak = (long) (settings.heap().free() * settings.shareOr(SHARE));
	}

	@Override
	public double load(long elapsedMillis) {
		double phase = 2 * Math.PI * (elapsedMillis % this.periodMillis) / this.periodMillis;
		return NIGHT + (1 - NIGHT) * (1 - Math.cos(phase)) / 2;
	}

	@Override
	public void advance(long elapsedMillis) {
		this.activeUsers.holdAbout((long) (this.peak * load(elapsedMillis)));
	}

	@Override
	public long held() {
		return this.activeUsers.held();
	}

	/**
	 * What the active users hold at the peak.
	 * @return bytes
	 */
	public long peak() {
		return this.peak;
	}

	@Override
	public void release() {
		this.activeUsers.clear();
	}

	@Override
	public String describe() {
		return "diurnal cycle: load and the active users' state (up to " + (this.peak >> 20) + " MiB) rise from "
				+ Math.round(NIGHT * 100) + "% to a peak and fall back over " + this.periodMillis / 60_000 + " min";
	}

}
