package io.leaks.trend;

import java.time.Duration;

/**
 * How the running watch behaves around the analysis: its cadence and its live histograms.
 *
 * @param analysis what the analysis wants as evidence
 * @param interval how often memory is sampled and judged
 * @param histograms whether live histograms (each a forced full collection) may be taken
 * @param histogramCount histograms per round
 * @param histogramSpacing time between the histograms of a round
 * @param histogramCooldown shortest time from the end of one round to the start of the next
 * @param clearAfter how long a leak verdict must stay refuted before it is cleared
 */
public record WatchSettings(TrendSettings analysis, Duration interval, boolean histograms, int histogramCount,
		Duration histogramSpacing, Duration histogramCooldown, Duration clearAfter) {

	public WatchSettings {
		if (histogramCount < 3) {
			throw new IllegalArgumentException("histogramCount must be at least 3, was " + histogramCount);
		}
	}

	/**
	 * Settings that derive everything from the cadence, the warm-up and the evidence span:
	 * histograms a sixth of the evidence span apart (at least one interval), rounds at
	 * most every 30 intervals, a leak cleared after a min-evidence span without one.
	 * @param interval how often memory is sampled and judged
	 * @param warmup time after start whose observations are ignored
	 * @param minEvidence shortest span of evidence before a leak verdict
	 * @return the settings
	 */
	public static WatchSettings derive(Duration interval, Duration warmup, Duration minEvidence) {
		return new WatchSettings(new TrendSettings(warmup, minEvidence), interval, true, 3,
				defaultSpacing(interval, minEvidence), interval.multipliedBy(30), minEvidence);
	}

	static Duration defaultSpacing(Duration interval, Duration minEvidence) {
		Duration sixth = minEvidence.dividedBy(6);
		return (sixth.compareTo(interval) > 0) ? sixth : interval;
	}

	public WatchSettings withHistograms(boolean enabled, int count, Duration spacing, Duration cooldown) {
		return new WatchSettings(this.analysis, this.interval, enabled, count, spacing, cooldown, this.clearAfter);
	}

}
