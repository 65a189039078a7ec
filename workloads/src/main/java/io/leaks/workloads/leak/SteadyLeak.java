package io.leaks.workloads.leak;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;

/**
 * A leak that keeps a new thing for every bit of work from its onset on, at a steady rate:
 * what it holds at any time is the rate times the time since the onset.
 */
abstract class SteadyLeak implements Scenario {

	private final Rate rate;

	private final long onsetMillis;

	private final long unit;

	private long made;

	private volatile long held;

	private volatile boolean started;

	private volatile boolean stopped;

	/**
	 * @param rate bytes (or things) per unit of time
	 * @param onset when the leak starts
	 * @param unit bytes each thing holds (1 when the rate counts things)
	 */
	SteadyLeak(Rate rate, Duration onset, long unit) {
		this.rate = rate;
		this.onsetMillis = onset.toMillis();
		this.unit = unit;
	}

	@Override
	public final void advance(long elapsedMillis) {
		if (this.stopped || elapsedMillis < this.onsetMillis) {
			return;
		}
		this.started = true;
		long due = (long) (this.rate.over(elapsedMillis - this.onsetMillis) / this.unit);
		while (this.made < due && !this.stopped) {
			keep(this.made);
			this.made++;
			this.held = this.made * this.unit;
		}
	}

	/**
	 * Keeps one more thing: the leak itself.
	 * @param index how many were kept before
	 */
	abstract void keep(long index);

	/**
	 * Drops everything kept.
	 */
	abstract void drop();

	@Override
	public final long held() {
		return this.held;
	}

	@Override
	public boolean heldInBytes() {
		return this.rate.bytes();
	}

	@Override
	public final boolean leaking() {
		return this.started && !this.stopped;
	}

	@Override
	public final void stopLeaking() {
		this.stopped = true;
	}

	@Override
	public final void release() {
		this.stopped = true;
		drop();
		this.made = 0;
		this.held = 0;
	}

	Rate rate() {
		return this.rate;
	}

	Duration onset() {
		return Duration.ofMillis(this.onsetMillis);
	}

	/**
	 * The sentence's ending: the rate and the onset.
	 * @return for example {@code at 7.2MiB/min from 0 s}
	 */
	String pace() {
		return "at " + this.rate + " from " + this.onsetMillis / 1000 + " s";
	}

}
