package io.leaks.trend;

import org.jspecify.annotations.Nullable;

/**
 * The judgement of one resource at one moment: a value, never an exception.
 *
 * @param resource {@code heap}, {@code metaspace} or {@code threads}
 * @param status the verdict
 * @param growthPerMinute fitted growth of the retained amount, units (bytes, threads) per
 * minute; 0 when there is no evidence
 * @param projection when the resource runs out at that pace, or {@code null} if it does
 * not grow
 * @param evidence what the verdict rests on
 * @param suspicion whether young collections alone show a leak, which the live histograms
 * must confirm before the status becomes {@code LEAK_SUSPECTED}
 * @param reason one sentence for people
 * @param atMillis when the judgement was made, milliseconds since the JVM started
 */
public record Verdict(String resource, TrendStatus status, double growthPerMinute, @Nullable Projection projection,
		Evidence evidence, boolean suspicion, String reason, long atMillis) {

	/**
	 * A verdict that there is not enough evidence yet.
	 * @param resource the resource
	 * @param reason why, for people
	 * @param atMillis when, milliseconds since the JVM started
	 * @return the verdict
	 */
	public static Verdict collecting(String resource, String reason, long atMillis) {
		return new Verdict(resource, TrendStatus.COLLECTING, 0, null, Evidence.none(), false, reason, atMillis);
	}

	public boolean leak() {
		return this.status == TrendStatus.LEAK_SUSPECTED;
	}

}
