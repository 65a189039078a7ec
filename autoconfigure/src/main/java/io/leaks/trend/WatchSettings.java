package io.leaks.trend;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the running watch behaves around the analysis: its cadence, its live histograms and
 * the budget of collections it may force.
 *
 * @param analysis what the analysis wants as evidence
 * @param interval how often memory is sampled and judged
 * @param histograms whether live histograms (each a forced full collection) may be taken
 * @param histogramCount histograms per round
 * @param histogramSpacing time between the histograms of a round, or {@code null} to space
 * them so the climb's expected growth stands out of the live floor's noise
 * @param histogramCooldown shortest time from the end of one round to the start of the next
 * (doubled after each refuted climb)
 * @param clearAfter how long a leak must stay refuted before it is cleared
 * @param forcedBudget collections the watch may force on its own within {@code budgetPeriod}
 * @param budgetPeriod the period of that budget
 */
public record WatchSettings(TrendSettings analysis, Duration interval, boolean histograms, int histogramCount,
		@Nullable Duration histogramSpacing, Duration histogramCooldown, Duration clearAfter, int forcedBudget,
		Duration budgetPeriod) {

	/** Default own forced collections per {@link #DEFAULT_BUDGET_PERIOD}: one round of three. */
	public static final int DEFAULT_BUDGET = 3;

	/** Default period of the forced-collection budget. */
	public static final Duration DEFAULT_BUDGET_PERIOD = Duration.ofHours(1);

	/**
	 * Expected growth of the climb between two histograms, in units of the live floor's
	 * noise, when they are spaced automatically: enough that even a live floor rising at a
	 * quarter of the climb's pace stands out.
	 */
	static final double SPACING_NOISE_UNITS = 8;

	/**
	 * The same for a climb that would exhaust the heap soon ({@link TrendSettings#URGENT}):
	 * then a verdict now matters more than measuring a much slower live floor.
	 */
	static final double URGENT_SPACING_NOISE_UNITS = 4;

	public WatchSettings {
		if (histogramCount < 3) {
			throw new IllegalArgumentException("histogramCount must be at least 3, was " + histogramCount);
		}
		if (forcedBudget < 0) {
			throw new IllegalArgumentException("forcedBudget must not be negative, was " + forcedBudget);
		}
	}

	/**
	 * Settings that derive everything from the cadence, the warm-up and the evidence span:
	 * histograms spaced by the climb's pace, rounds at most every 30 intervals, at most
	 * {@value #DEFAULT_BUDGET} forced collections an hour, a leak cleared after two
	 * min-evidence spans without one.
	 * @param interval how often memory is sampled and judged
	 * @param warmup time after start whose observations are ignored
	 * @param minEvidence shortest span of evidence before a verdict
	 * @return the settings
	 */
	public static WatchSettings derive(Duration interval, Duration warmup, Duration minEvidence) {
		return new WatchSettings(new TrendSettings(warmup, minEvidence), interval, true, 3, null,
				interval.multipliedBy(30), minEvidence.multipliedBy(2), DEFAULT_BUDGET, DEFAULT_BUDGET_PERIOD);
	}

	public WatchSettings withHistograms(boolean enabled, int count, @Nullable Duration spacing, Duration cooldown) {
		return new WatchSettings(this.analysis, this.interval, enabled, count, spacing, cooldown, this.clearAfter,
				this.forcedBudget, this.budgetPeriod);
	}

	public WatchSettings withBudget(int forced, Duration period) {
		return new WatchSettings(this.analysis, this.interval, this.histograms, this.histogramCount,
				this.histogramSpacing, this.histogramCooldown, this.clearAfter, forced, period);
	}

	/**
	 * The spacing of a round's histograms for a climb: as set, or so that the climb's
	 * expected growth between two of them is {@value #SPACING_NOISE_UNITS} times the live
	 * floor's noise, from one interval up to two min-evidence spans.
	 * @param perMinute the climb's growth, bytes per minute
	 * @param level the heap's level, bytes
	 * @return the spacing
	 */
	public Duration spacingFor(double perMinute, long level) {
		return spacingFor(perMinute, level, false);
	}

	/**
	 * The spacing of a round's histograms for a climb, closer for one that exhausts the
	 * heap soon.
	 * @param perMinute the climb's growth, bytes per minute
	 * @param level the heap's level, bytes
	 * @param urgent whether the climb would exhaust the heap within {@link TrendSettings#URGENT}
	 * @return the spacing
	 */
	public Duration spacingFor(double perMinute, long level, boolean urgent) {
		if (this.histogramSpacing != null) {
			return this.histogramSpacing;
		}
		long most = Math.max(this.interval.toMillis(), this.analysis.minEvidence().toMillis() * 2);
		double units = urgent ? URGENT_SPACING_NOISE_UNITS : SPACING_NOISE_UNITS;
		double wanted = (perMinute > 0) ? units * TrendAnalyzer.liveNoise(level) / perMinute * 60_000 : most;
		return Duration.ofMillis(Math.max(this.interval.toMillis(), Math.min(most, (long) wanted)));
	}

}
