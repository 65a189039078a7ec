package io.leaks.demo.pattern;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which side of a pattern to run: the code that leaks, or the same work done right.
 */
public enum Variant {

	/** The code as it is often written: retains one object per operation for good. */
	LEAKING,

	/** The same work with the fix applied: retains nothing, or a bounded amount. */
	FIXED;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a variant id.
	 * @param id {@code leaking} or {@code fixed}, in any case
	 * @return the variant
	 * @throws BadDemoRequestException if the id is missing or unknown
	 */
	public static Variant require(@Nullable String id) {
		if (id != null) {
			for (Variant variant : values()) {
				if (variant.id().equalsIgnoreCase(id.trim())) {
					return variant;
				}
			}
		}
		throw new BadDemoRequestException(
				"variant must be 'leaking' or 'fixed', was " + ((id != null) ? "'" + id + "'" : "missing"));
	}

}
