package io.leaks.gc;

/**
 * How a VM flag's value is written.
 */
public enum FlagType {

	/** {@code true} or {@code false}. */
	BOOLEAN,

	/** A whole number. */
	INTEGER,

	/** A decimal number such as {@code 1.5}. */
	DECIMAL,

	/** Bytes; requests may add {@code k}, {@code m} or {@code g}. */
	SIZE,

	/** Free text (a path, for example). */
	TEXT;

	/**
	 * Guesses the type of a flag leaks has no rule for, from its current value.
	 * @param value the current value
	 * @return the likely type
	 */
	static FlagType infer(String value) {
		if ("true".equals(value) || "false".equals(value)) {
			return BOOLEAN;
		}
		if (value.matches("-?\\d+")) {
			return INTEGER;
		}
		if (value.matches("-?\\d+\\.\\d+")) {
			return DECIMAL;
		}
		return TEXT;
	}

}
