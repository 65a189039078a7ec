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
 */
public record TrendFit(int count, long fromMillis, long toMillis, double slope, double slopeLow, double slopeHigh,
		double intercept, double z) {

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
		if (pairs == 0) {
			return new TrendFit(n, points.get(0).atMillis(), points.get(n - 1).atMillis(), 0, 0, 0,
					points.get(0).value(), z);
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
		return new TrendFit(n, points.get(0).atMillis(), points.get(n - 1).atMillis(), slope, slopeLow, slopeHigh,
				median(offsets, n), z);
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
