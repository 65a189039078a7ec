package io.leaks.trend;

import java.util.Arrays;
import java.util.List;

/**
 * A robust straight-line fit of a series: the Theil–Sen slope (median of all pairwise
 * slopes, unmoved by a minority of outliers) with Sen's confidence interval, and the
 * Mann–Kendall statistic, which asks only whether later values tend to be larger than
 * earlier ones and so tolerates any noise that is not itself a trend.
 *
 * @param count points fitted
 * @param fromMillis time of the first point
 * @param toMillis time of the last point
 * @param slope median slope, value units per millisecond
 * @param slopeLow lower end of the slope's confidence interval
 * @param slopeHigh upper end of the slope's confidence interval
 * @param intercept value of the line at time zero
 * @param z Mann–Kendall's standardised statistic: above about 2.3 a rising trend is
 * unlikely to be chance, below -2.3 a falling one
 * @param pRising one-sided p-value of a rise as large as Mann–Kendall's S by chance: exact
 * for up to {@value #EXACT_UP_TO} points (a few daily full collections are enough
 * evidence when every one is higher), the normal approximation beyond
 * @param noise robust scale of the points around the line (1.4826 times the median
 * absolute residual), value units
 */
public record TrendFit(int count, long fromMillis, long toMillis, double slope, double slopeLow, double slopeHigh,
		double intercept, double z, double pRising, double noise) {

	/** Points up to which Mann–Kendall's p-value is computed exactly. */
	static final int EXACT_UP_TO = 12;

	/** Permutations of n values with k inversions (Mahonian numbers), for the exact p-value. */
	private static final double[][] INVERSIONS = mahonian(EXACT_UP_TO);

	/** Two-sided 95% normal quantile for Sen's slope interval. */
	private static final double INTERVAL_QUANTILE = 1.96;

	/**
	 * Fits the points.
	 * @param points at least two points in time order
	 * @return the fit
	 */
	public static TrendFit of(List<Point> points) {
		int n = points.size();
		if (n < 2) {
			throw new IllegalArgumentException("A trend needs at least two points, got " + n);
		}
		double[] slopes = new double[n * (n - 1) / 2];
		int pairs = 0;
		long s = 0;
		for (int i = 0; i < n; i++) {
			Point earlier = points.get(i);
			for (int j = i + 1; j < n; j++) {
				Point later = points.get(j);
				s += Long.signum(later.value() - earlier.value());
				long dt = later.atMillis() - earlier.atMillis();
				if (dt > 0) {
					slopes[pairs++] = (double) (later.value() - earlier.value()) / dt;
				}
			}
		}
		double variance = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
		double z = (s == 0) ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
		double p = pRising(n, s, z);
		if (pairs == 0) {
			return new TrendFit(n, points.get(0).atMillis(), points.get(n - 1).atMillis(), 0, 0, 0,
					points.get(0).value(), z, p, 0);
		}
		double c = INTERVAL_QUANTILE * Math.sqrt(variance);
		int low = Math.max(0, Math.min(pairs - 1, (int) Math.floor((pairs - c) / 2.0)));
		int high = Math.max(0, Math.min(pairs - 1, (int) Math.ceil((pairs + c) / 2.0)));
		int middle = (pairs - 1) / 2;
		double slope = select(slopes, 0, pairs - 1, middle);
		if (pairs % 2 == 0) {
			slope = (slope + select(slopes, middle + 1, pairs - 1, middle + 1)) / 2.0;
		}
		double slopeLow = select(slopes, 0, middle, Math.min(low, middle));
		double slopeHigh = select(slopes, middle, pairs - 1, Math.max(high, middle));
		double[] offsets = new double[n];
		for (int i = 0; i < n; i++) {
			offsets[i] = points.get(i).value() - slope * points.get(i).atMillis();
		}
		Arrays.sort(offsets);
		double intercept = median(offsets, n);
		double[] residuals = new double[n];
		for (int i = 0; i < n; i++) {
			residuals[i] = Math.abs(offsets[i] - intercept);
		}
		Arrays.sort(residuals);
		return new TrendFit(n, points.get(0).atMillis(), points.get(n - 1).atMillis(), slope, slopeLow, slopeHigh,
				intercept, z, p, 1.4826 * median(residuals, n));
	}

	/**
	 * One-sided p-value of Mann–Kendall's S at least as large as observed, by chance.
	 */
	static double pRising(int n, long s, double z) {
		if (n <= EXACT_UP_TO) {
			long pairs = (long) n * (n - 1) / 2;
			// S = pairs - 2 * inversions (without ties): S >= s means inversions <= (pairs - s) / 2.
			long most = (long) Math.floor((pairs - s) / 2.0);
			double[] counts = INVERSIONS[n];
			double total = 0;
			double below = 0;
			for (int k = 0; k < counts.length; k++) {
				total += counts[k];
				below += (k <= most) ? counts[k] : 0;
			}
			return below / total;
		}
		return 0.5 * erfc(z / Math.sqrt(2));
	}

	private static double[][] mahonian(int max) {
		double[][] table = new double[max + 1][];
		table[0] = new double[] { 1 };
		for (int n = 1; n <= max; n++) {
			int size = n * (n - 1) / 2 + 1;
			double[] row = new double[size];
			double[] previous = table[n - 1];
			for (int k = 0; k < size; k++) {
				for (int j = 0; j < n && j <= k; j++) {
					row[k] += (k - j < previous.length) ? previous[k - j] : 0;
				}
			}
			table[n] = row;
		}
		return table;
	}

	/** The complementary error function (Numerical Recipes' Chebyshev fit, error below 1.2e-7). */
	private static double erfc(double x) {
		double t = 1 / (1 + 0.5 * Math.abs(x));
		double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
				+ t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
						+ t * (-0.82215223 + t * 0.17087277)))))))));
		return (x >= 0) ? y : 2 - y;
	}

	/**
	 * Whether the rise is significant at the given level, one-sided.
	 * @param level the false-positive rate accepted, such as 0.01
	 * @return whether the points rise significantly
	 */
	public boolean rises(double level) {
		return this.slope > 0 && this.pRising <= level;
	}

	/**
	 * Moves the k-th smallest of {@code values[from..to]} to index k, smaller ones before
	 * it and larger ones after (Hoare's selection): the three order statistics a fit needs
	 * cost linear time instead of a sort of all n² slopes.
	 */
	static double select(double[] values, int from, int to, int k) {
		int left = from;
		int right = to;
		while (left < right) {
			double pivot = values[(left + right) >>> 1];
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double swap = values[i];
					values[i] = values[j];
					values[j] = swap;
					i++;
					j--;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				break;
			}
		}
		return values[k];
	}

	private static double median(double[] sorted, int length) {
		return (length % 2 == 1) ? sorted[length / 2] : (sorted[length / 2 - 1] + sorted[length / 2]) / 2.0;
	}

	/**
	 * The line's value at a moment.
	 * @param atMillis milliseconds since the JVM started
	 * @return the fitted value
	 */
	public double valueAt(long atMillis) {
		return this.intercept + this.slope * atMillis;
	}

	public long spanMillis() {
		return this.toMillis - this.fromMillis;
	}

	/**
	 * Growth per minute.
	 * @return the slope in value units per minute
	 */
	public double perMinute() {
		return this.slope * 60_000.0;
	}

}
