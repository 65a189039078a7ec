package io.leaks.workloads;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What to run: {@code workload.scenario}, for how long, and the knobs that override the
 * scenario's sizes (each defaults to a size taken from the heap the scenario finds).
 */
@ConfigurationProperties("workload")
public class WorkloadProperties {

	/**
	 * Scenario to run: fast-leak, slow-leak, listener-leak, bounded-cache, idle, ...
	 */
	private @Nullable String scenario;

	/**
	 * How long the scenario runs before the service ends.
	 */
	private Duration duration = Duration.ofMinutes(45);

	/**
	 * How fast the scenario grows, such as 12MiB/min or 20/min (threads, classes).
	 */
	private @Nullable Rate rate;

	/**
	 * When the leak (or the batch) starts, after the scenario's start.
	 */
	private @Nullable Duration onset;

	/**
	 * Length of the scenario's cycle: a stepwise leak's steps, a sawtooth, a diurnal day.
	 */
	private @Nullable Duration period;

	/**
	 * Time a filling cache or a ramping pool takes to reach its bound.
	 */
	private @Nullable Duration ramp;

	/**
	 * Share of the free heap a bounded scenario fills at most.
	 */
	private @Nullable Double share;

	/**
	 * Most threads a pool (or a thread leak) makes.
	 */
	private @Nullable Integer limit;

	/**
	 * Share of the max heap in use after a collection at which the heap counts as exhausted.
	 */
	private double exhaustedAt = 0.92;

	/**
	 * How long the service goes on with a full heap after it is exhausted (the leak stops there).
	 */
	private Duration afterExhaustion = Duration.ofMinutes(1);

	/**
	 * Seed of the background traffic's random sizes.
	 */
	private long seed = 1;

	/**
	 * Whether the JVM exits when the run is over.
	 */
	private boolean exit = true;

	private final Background background = new Background();

	public @Nullable String getScenario() {
		return this.scenario;
	}

	public void setScenario(@Nullable String scenario) {
		this.scenario = scenario;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("workload.duration must be positive, was " + duration);
		}
		this.duration = duration;
	}

	public @Nullable Rate getRate() {
		return this.rate;
	}

	public void setRate(@Nullable Rate rate) {
		this.rate = rate;
	}

	public @Nullable Duration getOnset() {
		return this.onset;
	}

	public void setOnset(@Nullable Duration onset) {
		if (onset != null && onset.isNegative()) {
			throw new IllegalArgumentException("workload.onset must not be negative, was " + onset);
		}
		this.onset = onset;
	}

	public @Nullable Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(@Nullable Duration period) {
		if (period != null && period.toMillis() < 1000) {
			throw new IllegalArgumentException("workload.period must be at least 1s, was " + period);
		}
		this.period = period;
	}

	public @Nullable Duration getRamp() {
		return this.ramp;
	}

	public void setRamp(@Nullable Duration ramp) {
		if (ramp != null && ramp.toMillis() < 1000) {
			throw new IllegalArgumentException("workload.ramp must be at least 1s, was " + ramp);
		}
		this.ramp = ramp;
	}

	public @Nullable Double getShare() {
		return this.share;
	}

	public void setShare(@Nullable Double share) {
		if (share != null && !(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("workload.share must be above 0 and at most 1, was " + share);
		}
		this.share = share;
	}

	public @Nullable Integer getLimit() {
		return this.limit;
	}

	public void setLimit(@Nullable Integer limit) {
		if (limit != null && limit < 1) {
			throw new IllegalArgumentException("workload.limit must be at least 1, was " + limit);
		}
		this.limit = limit;
	}

	public double getExhaustedAt() {
		return this.exhaustedAt;
	}

	public void setExhaustedAt(double exhaustedAt) {
		if (!(exhaustedAt > 0.5 && exhaustedAt <= 1)) {
			throw new IllegalArgumentException("workload.exhausted-at must be above 0.5 and at most 1, was "
					+ exhaustedAt);
		}
		this.exhaustedAt = exhaustedAt;
	}

	public Duration getAfterExhaustion() {
		return this.afterExhaustion;
	}

	public void setAfterExhaustion(Duration afterExhaustion) {
		this.afterExhaustion = afterExhaustion;
	}

	public long getSeed() {
		return this.seed;
	}

	public void setSeed(long seed) {
		this.seed = seed;
	}

	public boolean isExit() {
		return this.exit;
	}

	public void setExit(boolean exit) {
		this.exit = exit;
	}

	public Background getBackground() {
		return this.background;
	}

	/**
	 * The traffic every scenario runs on, at full load.
	 */
	public static class Background {

		/**
		 * Request-like garbage allocated at full load.
		 */
		private Rate allocation = Rate.parse("16MiB/s");

		/**
		 * Bytes live sessions hold at full load; defaults to 5% of the max heap, at most 256MB.
		 */
		private @Nullable DataSize sessions;

		/**
		 * Mean lifetime of a session (each lives half to one and a half times this).
		 */
		private Duration sessionLife = Duration.ofSeconds(45);

		/**
		 * Real HTTP requests the service sends its own API at full load.
		 */
		private Rate http = Rate.parse("2/s");

		public Rate getAllocation() {
			return this.allocation;
		}

		public void setAllocation(Rate allocation) {
			this.allocation = allocation;
		}

		public @Nullable DataSize getSessions() {
			return this.sessions;
		}

		public void setSessions(@Nullable DataSize sessions) {
			this.sessions = sessions;
		}

		public Duration getSessionLife() {
			return this.sessionLife;
		}

		public void setSessionLife(Duration sessionLife) {
			this.sessionLife = sessionLife;
		}

		public Rate getHttp() {
			return this.http;
		}

		public void setHttp(Rate http) {
			this.http = http;
		}

	}

}
