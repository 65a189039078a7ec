package io.leaks.workloads.scenario;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What a scenario is told when it is made: the heap it may fill and the knobs it was given;
 * anything left {@code null} takes the scenario's own default, sized from the heap.
 *
 * @param heap the heap the scenario finds
 * @param duration how long the run lasts
 * @param rate how fast it grows, or {@code null} for its default
 * @param onset when its leak (or batch) starts, or {@code null} for its default
 * @param period the length of its cycle (steps, sawtooth, diurnal load), or {@code null}
 * @param ramp the time it takes to fill or ramp up, or {@code null}
 * @param share the share of the free heap it fills at most, or {@code null}
 * @param limit the most things it makes (threads in a pool), or {@code null}
 * @param marks where its own phases are noted (the trace's marks)
 */
public record ScenarioSettings(HeapSizing heap, Duration duration, @Nullable Rate rate, @Nullable Duration onset,
		@Nullable Duration period, @Nullable Duration ramp, @Nullable Double share, @Nullable Integer limit,
		Consumer<String> marks) {

	/**
	 * Settings with nothing but the heap and the duration given.
	 * @param heap the heap
	 * @param duration the run's length
	 * @return the settings
	 */
	public static ScenarioSettings defaults(HeapSizing heap, Duration duration) {
		return new ScenarioSettings(heap, duration, null, null, null, null, null, null, (mark) -> {
		});
	}

	public ScenarioSettings withRate(@Nullable Rate rate) {
		return new ScenarioSettings(this.heap, this.duration, rate, this.onset, this.period, this.ramp, this.share,
				this.limit, this.marks);
	}

	public ScenarioSettings withPeriod(@Nullable Duration period) {
		return new ScenarioSettings(this.heap, this.duration, this.rate, this.onset, period, this.ramp, this.share,
				this.limit, this.marks);
	}

	public ScenarioSettings withRamp(@Nullable Duration ramp) {
		return new ScenarioSettings(this.heap, this.duration, this.rate, this.onset, this.period, ramp, this.share,
				this.limit, this.marks);
	}

	public ScenarioSettings withLimit(@Nullable Integer limit) {
		return new ScenarioSettings(this.heap, this.duration, this.rate, this.onset, this.period, this.ramp,
				this.share, limit, this.marks);
	}

	/**
	 * The rate, or a default.
	 * @param fallback the scenario's default
	 * @return the rate to use
	 */
	public Rate rateOr(Rate fallback) {
		return (this.rate != null) ? this.rate : fallback;
	}

	/**
	 * A byte rate, or a default.
	 * @param fallback the scenario's default
	 * @param scenario the scenario's name, for the message
	 * @return the rate to use
	 * @throws IllegalArgumentException if the rate given counts things, not bytes
	 */
	public Rate byteRateOr(Rate fallback, String scenario) {
		Rate chosen = rateOr(fallback);
		if (!chosen.bytes()) {
			throw new IllegalArgumentException(scenario + " grows in bytes: give workload.rate as 12MiB/min, was "
					+ chosen);
		}
		return chosen;
	}

	/**
	 * A count rate, or a default.
	 * @param fallback the scenario's default
	 * @param scenario the scenario's name, for the message
	 * @param things what it counts, for the message
	 * @return the rate to use
	 * @throws IllegalArgumentException if the rate given is in bytes
	 */
	public Rate countRateOr(Rate fallback, String scenario, String things) {
		Rate chosen = rateOr(fallback);
		if (chosen.bytes()) {
			throw new IllegalArgumentException(scenario + " grows in " + things + ": give workload.rate as 20/min, was "
					+ chosen);
		}
		return chosen;
	}

	public Duration onsetOr(Duration fallback) {
		return (this.onset != null) ? this.onset : fallback;
	}

	public Duration periodOr(Duration fallback) {
		return (this.period != null) ? this.period : fallback;
	}

	public Duration rampOr(Duration fallback) {
		return (this.ramp != null) ? this.ramp : fallback;
	}

	public double shareOr(double fallback) {
		return (this.share != null) ? this.share : fallback;
	}

	public int limitOr(int fallback) {
		return (this.limit != null) ? this.limit : fallback;
	}

	/**
	 * Notes a phase of the scenario.
	 * @param text the phase
	 */
	public void mark(String text) {
		this.marks.accept(text);
	}

}
