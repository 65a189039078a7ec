package io.leaks.trend;

import java.util.Locale;

/**
 * How soon a leak exhausts its resource at the pace fitted: what a user routes an alert
 * on (page for minutes, ticket for days). A separate quantity from whether it is a leak.
 */
public enum Severity {

	/** Exhaustion within the hour. */
	MINUTES,

	/** Exhaustion within a day. */
	HOURS,

	/** Exhaustion later than a day away, or a resource without a limit. */
	DAYS;

	private static final long HOUR_MILLIS = 3_600_000L;

	/**
	 * The severity of a leak.
	 * @param untilExhaustionMillis time left at the pace fitted, or a negative value if the
	 * resource has no limit
	 * @return the severity
	 */
	public static Severity of(double untilExhaustionMillis) {
		if (untilExhaustionMillis < 0 || Double.isInfinite(untilExhaustionMillis)) {
			return DAYS;
		}
		if (untilExhaustionMillis < HOUR_MILLIS) {
			return MINUTES;
		}
		return (untilExhaustionMillis < 24 * HOUR_MILLIS) ? HOURS : DAYS;
	}

	/**
	 * The name in JSON and meters.
	 * @return {@code minutes}, {@code hours} or {@code days}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
