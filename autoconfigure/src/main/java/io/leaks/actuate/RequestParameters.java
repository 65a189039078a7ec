package io.leaks.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	static final int MAX_FILTER_LENGTH = 200;

	/**
	 * A class-name filter: blank means none.
	 */
	static @Nullable String filter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_FILTER_LENGTH) {
			throw LeaksOperationException.badRequest("filter is " + value.length()
					+ " characters long; use part of a class or package name of at most " + MAX_FILTER_LENGTH);
		}
		return value.trim();
	}

	static boolean matches(@Nullable String filter, String className) {
		return filter == null || className.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
	}

	/**
	 * Refuses parameters that belong to another operation, so that {@code "live": false}
	 * sent to snapshots (where it is {@code liveOnly}) cannot silently cost a full GC.
	 * @param operation the operation, for the message
	 * @param given every parameter the endpoint declares, with its value or {@code null}
	 * @param accepted the names this operation reads
	 */
	static void acceptOnly(String operation, Map<String, @Nullable String> given, String... accepted) {
		List<String> acceptedNames = List.of(accepted);
		List<String> foreign = new ArrayList<>();
		given.forEach((name, value) -> {
			if (value != null && !acceptedNames.contains(name)) {
				foreign.add(name);
			}
		});
		if (!foreign.isEmpty()) {
			throw LeaksOperationException.badRequest(operation + " does not take " + String.join(", ", foreign)
					+ (acceptedNames.isEmpty() ? "; send it without parameters"
							: "; it takes " + String.join(", ", acceptedNames))
					+ " (snapshots take liveOnly, heap dumps take live)");
		}
	}

	static boolean bool(String name, @Nullable String value, boolean defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw LeaksOperationException
				.badRequest(name + " must be true or false, was '" + value + "'");
		};
	}

}
