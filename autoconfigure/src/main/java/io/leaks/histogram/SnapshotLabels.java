package io.leaks.histogram;

import io.leaks.label.Labels;
import org.jspecify.annotations.Nullable;

/**
 * Rules for snapshot labels: the rule of every label ({@link Labels}), a label is
 * required, and {@value #NOW} is reserved.
 */
public final class SnapshotLabels {

	/** Longest label accepted. */
	public static final int MAX_LENGTH = Labels.MAX_LENGTH;

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
			return "label is required: send {\"label\": \"after_startup\"} (" + Labels.ALPHABET_IN_WORDS + "; at most "
					+ MAX_LENGTH + " characters)";
		}
		String problem = Labels.problem(label);
		if (problem != null) {
			return problem;
		}
		if (label.equalsIgnoreCase(NOW)) {
			return "label 'now' is reserved for compare?to=now; choose another label";
		}
		return null;
	}

}
