package io.leaks.unit;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An amount of memory or disk, worded in binary multiples with their IEC names: {@code 512 B},
 * {@code 1.5 KiB}, {@code 62.3 MiB}, {@code 4.0 GiB}. The one convention of the starter's
 * messages and logs (JSON fields stay plain byte counts): a "MB" that means 2^20 bytes in
 * one place and 10^6 in another misleads exactly when the numbers matter, on a full disk or
 * a heap near its limit.
 *
 * @param bytes the amount in bytes; negative for a decrease
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

	/** One kibibyte, 2^10 bytes. */
	public static final long KIB = 1L << 10;

	/** One mebibyte, 2^20 bytes. */
	public static final long MIB = 1L << 20;

	/** One gibibyte, 2^30 bytes. */
	public static final long GIB = 1L << 30;

	private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

	/**
	 * An amount in bytes.
	 * @param bytes the amount; negative for a decrease
	 * @return the size
	 */
	public static ByteSize of(long bytes) {
		return new ByteSize(bytes);
	}

	/**
	 * Words an amount: whole bytes below 1 KiB, otherwise one decimal in the largest unit
	 * that keeps the number at least 1.
	 * @param bytes the amount; negative for a decrease
	 * @return for example {@code 512 B}, {@code -1.5 KiB} or {@code 62.3 MiB}
	 */
	public static String format(long bytes) {
		return format((double) bytes);
	}

	/**
	 * Words an amount that is a measurement or an estimate rather than a count, such as a
	 * fitted growth; rounded like {@link #format(long)}.
	 * @param bytes the amount; negative for a decrease
	 * @return for example {@code 512 B} or {@code 62.3 MiB}
	 */
	public static String format(double bytes) {
		if (Double.isNaN(bytes) || Double.isInfinite(bytes)) {
			return bytes + " B";
		}
		double magnitude = Math.abs(bytes);
		if (Math.round(magnitude) < KIB) {
			return Math.round(bytes) + " B";
		}
		int unit = 1;
		magnitude /= KIB;
		// Compared as printed, so that 1023.96 KiB says 1.0 MiB rather than 1024.0 KiB.
		while (unit < UNITS.length - 1 && Math.round(magnitude * 10) >= KIB * 10) {
			magnitude /= KIB;
			unit++;
		}
		return String.format(Locale.ROOT, "%s%.1f %s", (bytes < 0) ? "-" : "", magnitude, UNITS[unit]);
	}

	/**
	 * Words a rate, such as a leak's growth.
	 * @param bytes the amount per {@code per}
	 * @param per the time unit: seconds, minutes, hours or days
	 * @return for example {@code 1.5 MiB/min}
	 */
	public static String rate(double bytes, ChronoUnit per) {
		String symbol = switch (per) {
			case SECONDS -> "s";
			case MINUTES -> "min";
			case HOURS -> "h";
			case DAYS -> "d";
			default -> throw new IllegalArgumentException("Rates are per second, minute, hour or day, not " + per);
		};
		return format(bytes) + "/" + symbol;
	}

	@Override
	public int compareTo(ByteSize other) {
		return Long.compare(this.bytes, other.bytes);
	}

	/**
	 * The amount as {@link #format(long)} words it.
	 * @return for example {@code 62.3 MiB}
	 */
	@Override
	public String toString() {
		return format(this.bytes);
	}

}
