package io.leaks.histogram;

import org.jspecify.annotations.Nullable;

/**
 * Rules for snapshot labels. Labels appear in URLs and, later, in file names, so they are
 * kept to a small, printable alphabet.
 */
public final class SnapshotLabels {

	/** Longest label accepted. */
	public static final int MAX_LENGTH = 100;

	/** Label that {@code compare?to=now} reserves for a fresh, unstored snapshot. */
	public static final String NOW = "now";

	private SnapshotLabels() {
	}

	/**
	 * Checks a label.
	 * @param label the label to check
	 * @return {@code null} when the label is valid, otherwise what is wrong and how to fix it
	 */
	public static @Nullable String problem(@Nullable String label) {
		if (label == null || label.isBlank()) {
			return "label is required: send {\"label\": \"after_startup\"} (letters, digits, '.', '_', '-', ':'; at most "
					+ MAX_LENGTH + " characters)";
		}
		if (label.length() > MAX_LENGTH) {
			return "label is " + label.length() + " characters long; use at most " + MAX_LENGTH;
		}
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (Character.isISOControl(c)) {
				return "label contains a control character at position " + i
						+ "; use letters, digits, '.', '_', '-' and ':' only";
			}
			if (!isAllowed(c)) {
				return "label contains '" + c + "' at position " + i
						+ "; use letters, digits, '.', '_', '-' and ':' only";
			}
		}
		if (label.equals(".") || label.equals("..")) {
			return "label '" + label + "' is reserved; choose a descriptive label such as after_startup";
		}
		if (label.equalsIgnoreCase(NOW)) {
			return "label 'now' is reserved for compare?to=now; choose another label";
		}
		return null;
	}

	private static boolean isAllowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-' || c == ':';
	}

}
