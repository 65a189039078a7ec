package io.leaks.workloads.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a scenario grows: bytes or things (listeners, classes, threads) per unit of time,
 * written as {@code 12MiB/min}, {@code 40MB/h}, {@code 500KiB/s}, {@code 120/min}.
 *
 * @param amount how much per {@code per}
 * @param per the period it is given in
 * @param bytes whether the amount is bytes (else a count)
 */
public record Rate(double amount, Duration per, boolean bytes) {

	private static final Pattern FORM = Pattern
		.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMG]i?B|B)?\\s*/\\s*(s|sec|m|min|h|hour|d|day)\\s*");

	public Rate {
		if (!(amount >= 0) || Double.isInfinite(amount)) {
			throw new IllegalArgumentException("a rate must be a finite amount of at least 0, was " + amount);
		}
		if (per.isNegative() || per.isZero()) {
			throw new IllegalArgumentException("a rate's period must be positive, was " + per);
		}
	}

	/**
	 * A rate in bytes.
	 * @param bytes bytes per period
	 * @param per the period
	 * @return the rate
	 */
	public static Rate ofBytes(double bytes, Duration per) {
		return new Rate(bytes, per, true);
	}

	/**
	 * A rate of things.
	 * @param count things per period
	 * @param per the period
	 * @return the rate
	 */
	public static Rate ofCount(double count, Duration per) {
		return new Rate(count, per, false);
	}

	/**
	 * Reads a rate such as {@code 12MiB/min} (sizes in 1024s: {@code KB} = {@code KiB}) or
	 * {@code 120/min}.
	 * @param text the rate
	 * @return the rate
	 * @throws IllegalArgumentException if the text is not a rate
	 */
	public static Rate parse(String text) {
		Matcher matcher = FORM.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("a rate looks like 12MiB/min, 40MB/h, 500KiB/s or 120/min, was '"
					+ text + "'");
		}
		double amount = Double.parseDouble(matcher.group(1));
		String unit = matcher.group(2);
		Duration per = switch (matcher.group(3)) {
			case "s", "sec" -> Duration.ofSeconds(1);
			case "m", "min" -> Duration.ofMinutes(1);
			case "h", "hour" -> Duration.ofHours(1);
			default -> Duration.ofDays(1);
		};
		if (unit == null) {
			return ofCount(amount, per);
		}
		long scale = switch (unit.charAt(0)) {
			case 'K' -> 1L << 10;
			case 'M' -> 1L << 20;
			case 'G' -> 1L << 30;
			default -> 1;
		};
		return ofBytes(amount * scale, per);
	}

	/**
	 * The rate per second.
	 * @return bytes or things per second
	 */
	public double perSecond() {
		return this.amount * 1e9 / this.per.toNanos();
	}

	/**
	 * How much accrues over a time.
	 * @param millis the time in milliseconds
	 * @return bytes or things
	 */
	public double over(long millis) {
		return perSecond() * millis / 1000.0;
	}

	/**
	 * The rate as people read it: MiB per minute for bytes, things per minute otherwise.
	 * @return text such as {@code 12.0MiB/min} that {@link #parse} reads back
	 */
	@Override
	public String toString() {
		double perMinute = perSecond() * 60;
		if (!this.bytes) {
			return String.format(Locale.ROOT, "%.1f/min", perMinute);
		}
		if (perMinute < 2 << 20) {
			return String.format(Locale.ROOT, "%.1fMiB/h", perMinute * 60 / (1 << 20));
		}
		return String.format(Locale.ROOT, "%.1fMiB/min", perMinute / (1 << 20));
	}

}
