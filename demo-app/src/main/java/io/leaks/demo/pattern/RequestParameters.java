package io.leaks.demo.pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses numeric request parameters ourselves (they arrive as strings) so a bad value gets
 * a message that says which values are accepted.
 */
public final class RequestParameters {

	private RequestParameters() {
	}

	/**
	 * A whole number within bounds.
	 * @param name the parameter's name, for the message
	 * @param value the raw value, {@code null} when absent
	 * @param defaultValue the value when absent or blank
	 * @param max the largest accepted value (the smallest is 1)
	 * @return the number
	 * @throws BadDemoRequestException if the value is not a whole number from 1 to max
	 */
	public static int positive(String name, @Nullable String value, int defaultValue, int max) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		int number;
		try {
			number = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw outOfRange(name, "'" + value + "'", max);
		}
		if (number < 1 || number > max) {
			throw outOfRange(name, String.valueOf(number), max);
		}
		return number;
	}

	private static BadDemoRequestException outOfRange(String name, String value, int max) {
		return new BadDemoRequestException(name + " must be a whole number from 1 to " + max + ", was " + value);
	}

}
