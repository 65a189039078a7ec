package io.leaks.trend;

import java.util.Locale;

/**
 * Amounts, rates and durations worded for people.
 */
final class Units {

	private static final String[] BYTE_UNITS = { "B", "KiB", "MiB", "GiB", "TiB" };

	private Units() {
	}

	static String bytes(double bytes) {
		double value = bytes;
		int unit = 0;
		while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return (unit == 0) ? Math.round(value) + " B" : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
	}

	static String amount(double amount, boolean bytes) {
		return bytes ? bytes(amount) : String.valueOf(Math.round(amount));
	}

	static String rate(double perMinute, boolean bytes) {
		if (bytes) {
			double perHour = perMinute * 60;
			return (Math.abs(perMinute) < 1024 * 1024) ? bytes(perHour) + "/h" : bytes(perMinute) + "/min";
		}
		return String.format(Locale.ROOT, (Math.abs(perMinute) < 1) ? "%.1f/h" : "%.1f/min",
				(Math.abs(perMinute) < 1) ? perMinute * 60 : perMinute);
	}

	static String duration(long millis) {
		long seconds = Math.max(0, millis) / 1000;
		if (seconds < 120) {
			return seconds + "s";
		}
		long minutes = seconds / 60;
		if (minutes < 120) {
			return minutes + "min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + "h " + (minutes % 60) + "min";
		}
		return (hours / 24) + "d " + (hours % 24) + "h";
	}

}
