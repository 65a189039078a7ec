package io.leaks.heapdump;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * File names of heap dumps. Every name is generated here from a time stamp, whether the
 * dump holds live objects only, and a sanitised label, such as
 * {@code heapdump-20260301T101500123Z-live-before_fix.hprof}. A label can never make a
 * name leave the directory: path separators, control characters and over-long labels are
 * refused, every other character outside {@code [A-Za-z0-9._-]} becomes {@code _}.
 * Requests name dumps only by names that match this exact pattern.
 */
public final class HeapDumpNames {

	/** Longest label accepted (the same limit as snapshot labels). */
	public static final int MAX_LABEL_LENGTH = 100;

	static final String SUFFIX = ".hprof";

	static final String COMPRESSED_SUFFIX = ".hprof.gz";

	private static final String PREFIX = "heapdump-";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile(
			"heapdump-(\\d{8}T\\d{9}Z)-(live|all)(?:-([A-Za-z0-9._-]{1," + MAX_LABEL_LENGTH + "}))?\\.hprof(\\.gz)?");

	private static final int MAX_NAME_LENGTH = 200;

	private HeapDumpNames() {
	}

	/**
	 * Checks a label given by a user.
	 * @param label the label, or {@code null} for none
	 * @return {@code null} if it can be used, otherwise what is wrong and how to fix it
	 */
	public static @Nullable String labelProblem(@Nullable String label) {
		if (label == null || label.isEmpty()) {
			return null;
		}
		if (label.length() > MAX_LABEL_LENGTH) {
			return "label is " + label.length() + " characters long; use at most " + MAX_LABEL_LENGTH;
		}
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (Character.isISOControl(c)) {
				return "label contains a control character at position " + i
						+ "; use letters, digits, '.', '_' and '-'";
			}
			if (c == '/' || c == '\\') {
				return "label contains '" + c + "' at position " + i + ": a label names a heap dump, it is never a "
						+ "path (dumps are always written to leaks.heap-dump.directory); use letters, digits, '.', '_' "
						+ "and '-'";
			}
		}
		if (label.isBlank() || label.equals(".") || label.equals("..")) {
			return "label '" + label + "' does not describe anything; use a label such as before_fix";
		}
		return null;
	}

	/**
	 * The label as it appears in a file name.
	 * @param label a label that passed {@link #labelProblem(String)}
	 * @return the label with every character outside {@code [A-Za-z0-9._-]} replaced by
	 * {@code _}, or {@code null} for no label
	 */
	public static @Nullable String sanitise(@Nullable String label) {
		if (label == null || label.isEmpty()) {
			return null;
		}
		StringBuilder safe = new StringBuilder(label.length());
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			safe.append(isSafe(c) ? c : '_');
		}
		return safe.toString();
	}

	/**
	 * Generates the name of a new, uncompressed dump.
	 * @param createdAt when the dump starts
	 * @param live whether it holds live objects only
	 * @param label a label that passed {@link #labelProblem(String)}, or {@code null}
	 * @return the file name
	 */
	public static String generate(Instant createdAt, boolean live, @Nullable String label) {
		String safeLabel = sanitise(label);
		return PREFIX + TIMESTAMP.format(createdAt) + (live ? "-live" : "-all")
				+ ((safeLabel != null) ? "-" + safeLabel : "") + SUFFIX;
	}

	/**
	 * Checks a name given by a user.
	 * @param name the name from a request
	 * @return {@code null} if it is a name this starter could have generated, otherwise
	 * what is wrong and how to fix it
	 */
	public static @Nullable String nameProblem(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return "name is required: GET /actuator/leaks/heapdumps lists the heap dumps and their names";
		}
		if (name.length() > MAX_NAME_LENGTH) {
			return "name is " + name.length() + " characters long, longer than any heap dump name; GET "
					+ "/actuator/leaks/heapdumps lists the names";
		}
		if (!NAME.matcher(name).matches()) {
			return "'" + printable(name) + "' is not the name of a heap dump: names look like "
					+ "heapdump-20260301T101500123Z-live-before_fix.hprof and never contain a path; GET "
					+ "/actuator/leaks/heapdumps lists them";
		}
		return null;
	}

	/**
	 * Reads what a generated name says about its dump.
	 * @param name a file name
	 * @return the parts, or empty if the name is not one this starter generates
	 */
	public static Optional<Parsed> parse(String name) {
		Matcher matcher = NAME.matcher(name);
		if (name.length() > MAX_NAME_LENGTH || !matcher.matches()) {
			return Optional.empty();
		}
		try {
			Instant createdAt = Instant.from(TIMESTAMP.parse(matcher.group(1)));
			return Optional.of(new Parsed(createdAt, "live".equals(matcher.group(2)), matcher.group(3),
					matcher.group(4) != null));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static String compressedName(String name) {
		return name + ".gz";
	}

	private static boolean isSafe(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	private static String printable(String name) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < name.length() && i < 80; i++) {
			char c = name.charAt(i);
			shown.append(Character.isISOControl(c) ? '?' : c);
		}
		return (name.length() > 80) ? shown + "..." : shown.toString();
	}

	/**
	 * What a generated name says.
	 *
	 * @param createdAt when the dump started
	 * @param live whether it holds live objects only
	 * @param label the sanitised label, if any
	 * @param compressed whether the file is gzip-compressed
	 */
	public record Parsed(Instant createdAt, boolean live, @Nullable String label, boolean compressed) {

	}

}
