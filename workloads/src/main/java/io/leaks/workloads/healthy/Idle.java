package io.leaks.workloads.healthy;

import io.leaks.workloads.scenario.Scenario;

/**
 * A service nobody calls: a health check now and then, nothing kept.
 */
public final class Idle implements Scenario {

	/** Health checks and metrics scrapes, as a share of a busy service's traffic. */
	static final double LOAD = 0.02;

	@Override
	public void advance(long elapsedMillis) {
	}

	@Override
	public double load(long elapsedMillis) {
		return LOAD;
	}

	@Override
	public long held() {
		return 0;
	}

	@Override
	public void release() {
	}

	@Override
	public String describe() {
		return "idle service: background traffic at " + Math.round(LOAD * 100) + "% of a busy service's, nothing kept";
	}

}
