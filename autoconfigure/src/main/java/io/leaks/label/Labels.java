package io.leaks.label;

import org.jspecify.annotations.Nullable;

/**
 * The rule every label follows, a snapshot's or a heap dump's: 1 to {@value #MAX_LENGTH}
 * letters, digits, {@code .}, {@code _}, {@code -} and {@code :}, and neither {@code .} nor
 * {@code ..}. Labels appear in URLs and in file names, so they keep to an alphabet that
 * needs no escaping in either and can never name a path.
 */
public final class Labels {

	/** Longest label accepted. */
	public static final int MAX_LENGTH = 100;

	/** The characters a label may hold, as a regular expression character class. */
	public static final String ALPHABET = "[A-Za-z0-9._:-]";

	/** The characters a label may hold, in words for messages. */
	public static final String ALPHABET_IN_WORDS = "letters, digits, '.', '_', '-' and ':'";

	private Labels() {
	}

	/**
	 * Checks a label.
	 * @param label the label, at least one character long
	 * @return {@code null} when it is valid, otherwise what is wrong and how to fix it
	 */
	public static @Nullable String problem(String label) {
		if (label.isEmpty()) {
			return "label is empty; use 1 to " + MAX_LENGTH + " " + ALPHABET_IN_WORDS;
		}
		if (label.length() > MAX_LENGTH) {
			return "label is " + label.length() + " characters long; use at most " + MAX_LENGTH;
		}
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (Character.isISOControl(c)) {
				return "label contains a control character at position " + i + "; use " + ALPHABET_IN_WORDS + " only";
			}
			if (!isAllowed(c)) {
				return "label contains '" + c + "' at position " + i + "; use " + ALPHABET_IN_WORDS + " only"
						+ ((c == '/' || c == '\\') ? " (a label is never a path)" : "");
			}
		}
		if (label.equals(".") || label.equals("..")) {
			return "label '" + label + "' is reserved; choose a descriptive label such as after_startup";
		}
		return null;
	}

	/**
	 * Whether a character may appear in a label.
	 * @param c the character
	 * @return whether it is a letter or digit of ASCII, {@code .}, {@code _}, {@code -} or
	 * {@code :}
	 */
	public static boolean isAllowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-' || c == ':';
	}

}
