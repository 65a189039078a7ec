package io.leaks.trend;

import org.jspecify.annotations.Nullable;

/**
 * When the resource runs out at the fitted pace.
 *
 * @param limit the limit projected against (max heap, or the level reached so far when
 * the resource has no limit: then it is the time to double)
 * @param level the fitted level now
 * @param exhaustionAtMillis when the fitted line reaches the limit, milliseconds since the
 * JVM started
 * @param earliestMillis the same at the fastest slope of the confidence interval
 * @param latestMillis the same at the slowest, or {@code null} if that slope does not rise
 */
public record Projection(long limit, long level, long exhaustionAtMillis, long earliestMillis,
		@Nullable Long latestMillis) {

}
