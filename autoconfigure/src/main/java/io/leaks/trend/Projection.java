package io.leaks.trend;

import org.jspecify.annotations.Nullable;

/**
 * When the resource runs out at the fitted pace.
 *
 * @param limit the limit projected against
 * @param level the fitted level now
 * @param exhaustionAtMillis when the fitted line reaches the limit, milliseconds since the
 * JVM started
 * @param earliestMillis the same at the fastest slope of the confidence interval
 * @param latestMillis the same at the slowest, or {@code null} if that slope does not rise
 */
public record Projection(long limit, long level, long exhaustionAtMillis, long earliestMillis,
		@Nullable Long latestMillis) {

	/**
	 * Projects a window's rise against its limit.
	 * @param window the window
	 * @return the projection, or {@code null} if it does not rise or has no limit
	 */
	static @Nullable Projection of(Window window) {
		TrendFit fit = window.fit();
		if (!window.bounded() || window.slope() <= 0) {
			return null;
		}
		double level = window.level();
		double room = Math.max(0, window.limit() - level);
		long to = fit.toMillis();
		long at = to + (long) Math.min(Long.MAX_VALUE / 4, room / window.slope());
		long earliest = to + (long) Math.min(Long.MAX_VALUE / 4, room / Math.max(window.slope(), fit.slopeHigh()));
		Long latest = (fit.slopeLow() > 0)
				? to + (long) Math.min(Long.MAX_VALUE / 4, room / Math.min(window.slope(), fit.slopeLow())) : null;
		return new Projection(window.limit(), (long) level, at, earliest, latest);
	}

}
