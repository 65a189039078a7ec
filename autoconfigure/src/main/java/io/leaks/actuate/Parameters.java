package io.leaks.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The parameters one request gave, by name, as the strings they arrive as. They are parsed
 * here rather than by actuator so that a bad value gets a message saying how to fix it
 * instead of a bare conversion failure.
 */
final class Parameters {

	static final int DEFAULT_TOP = 20;

	static final int MAX_TOP = 10_000;

	static final int MAX_FILTER_LENGTH = 200;

	private static final Parameters NONE = new Parameters(Map.of());

	private final Map<String, String> given;

	private Parameters(Map<String, String> given) {
		this.given = given;
	}

	static Parameters none() {
		return NONE;
	}

	/**
	 * The parameters that were given.
	 * @param namesAndValues names each followed by its value, {@code null} when not given
	 * @return the given ones, in this order
	 */
	static Parameters of(@Nullable String... namesAndValues) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			String name = namesAndValues[i];
			String value = namesAndValues[i + 1];
			if (name != null && value != null) {
				given.put(name, value);
			}
		}
		return new Parameters(Collections.unmodifiableMap(given));
	}

	Set<String> names() {
		return this.given.keySet();
	}

	@Nullable String text(String name) {
		return this.given.get(name);
	}

	int top() {
		String value = text("top");
		if (value == null || value.isBlank()) {
			return DEFAULT_TOP;
		}
		int top;
		try {
			top = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw LeaksOperationException
				.badRequest("top must be a whole number from 1 to " + MAX_TOP + ", was '" + value + "'");
		}
		if (top < 1 || top > MAX_TOP) {
			throw LeaksOperationException.badRequest("top must be from 1 to " + MAX_TOP + ", was " + top);
		}
		return top;
	}

	boolean bool(String name, boolean defaultValue) {
		String value = text(name);
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw LeaksOperationException.badRequest(name + " must be true or false, was '" + value + "'");
		};
	}

	/**
	 * A class-name filter: blank means none.
	 */
	@Nullable String filter() {
		String value = text("filter");
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_FILTER_LENGTH) {
			throw LeaksOperationException.badRequest("filter is " + value.length()
					+ " characters long; use part of a class or package name of at most " + MAX_FILTER_LENGTH);
		}
		return value.trim();
	}

}
