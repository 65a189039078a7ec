package io.leaks.trend;

import java.util.List;

/**
 * What a verdict was based on.
 *
 * @param basis which kind of evidence decided
 * @param fromMillis start of the evidence used, milliseconds since the JVM started
 * @param toMillis end of the evidence used
 * @param points observations used (collections or samples; after thinning)
 * @param kinds collection kinds that contributed ({@code FULL}, {@code MIXED}, ...), or
 * {@code SAMPLE}
 * @param trendZ Mann–Kendall statistic of the window (above about 2.3: a real rise)
 * @param pace growth in the later half of the window relative to the earlier half (1: a
 * steady pace, near 0: levelling off, as warm-up does)
 * @param fittedFrom the fitted line's value at {@code fromMillis}
 * @param fittedTo the fitted line's value at {@code toMillis}
 * @param pValue the chance of a rise as large without a trend (one-sided Mann–Kendall)
 * @param noise scatter of the points around the line
 */
public record Evidence(Basis basis, long fromMillis, long toMillis, int points, List<String> kinds, double trendZ,
		double pace, long fittedFrom, long fittedTo, double pValue, double noise) {

	public Evidence {
		kinds = List.copyOf(kinds);
	}

	static Evidence none() {
		return new Evidence(Basis.NONE, 0, 0, 0, List.of(), 0, 0, 0, 0, 1, 0);
	}

	static Evidence of(Basis basis, Window window, List<String> kinds) {
		TrendFit fit = window.fit();
		return new Evidence(basis, fit.fromMillis(), fit.toMillis(), fit.count(), kinds, fit.z(), window.pace(),
				Math.round(window.start()), Math.round(window.level()), fit.pRising(), fit.noise());
	}

	public long spanMillis() {
		return this.toMillis - this.fromMillis;
	}

	/**
	 * Whether this is a sparse climb after young collections ({@link SeriesJudgement#sparseClimb}):
	 * fewer points than any trend is judged on, so that only a window of that kind holds.
	 */
	boolean sparseClimb() {
		return this.basis == Basis.YOUNG_TREND && this.points < TrendSettings.MIN_POINTS;
	}

}
