package io.leaks.actuate;

import org.jspecify.annotations.Nullable;

/**
 * Parses request parameters ourselves (they arrive as strings) so that bad values get a
 * message that says how to fix them, instead of a bare conversion failure.
 */
final class RequestParameters {

	static final int MAX_TOP = 10_000;

	private RequestParameters() {
	}

	static int top(@Nullable String value, int defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
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

	static boolean bool(String name, @Nullable String value, boolean defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw LeaksOperationException
				.badRequest(name + " must be true or false, was '" + value + "'");
		};
	}

}
