package io.leaks.heapdump;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leaks.label.Labels;
import org.jspecify.annotations.Nullable;

/**
 * File names of heap dumps. Every name is generated here from a time stamp, whether the
 * dump holds live objects only, and the label, such as
 * {@code heapdump-20260301T101500123Z-live-before_fix.hprof}; a dump taken
 * automatically is marked before {@code live}, where no label can put the mark
 * ({@code heapdump-20260301T101500123Z-auto-live-suspected-heap.hprof}). Labels follow the
 * rule of every label ({@link Labels}), so a label can never make a name leave the
 * directory, and the name keeps the whole label: its one character that file names do
 * not carry well, {@code :} (a host separator to {@code scp}, forbidden on Windows), is
 * written as {@code ~}, which no label contains, so {@code after:login} is named
 * {@code ...-live-after~login.hprof} and read back as {@code after:login}.
 * Requests name dumps only by names that match this exact pattern.
 */
public final class HeapDumpNames {

	/** Longest label accepted (the same limit as snapshot labels). */
	public static final int MAX_LABEL_LENGTH = Labels.MAX_LENGTH;

	private static final char COLON_IN_NAME = '~';

	static final String SUFFIX = ".hprof";

	static final String COMPRESSED_SUFFIX = ".hprof.gz";

	private static final String PREFIX = "heapdump-";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String AUTOMATIC = "-auto";

	private static final Pattern NAME = Pattern.compile("heapdump-(?<at>\\d{8}T\\d{9}Z)(?<auto>-auto)?"
			+ "-(?<kind>live|all)(?:-(?<label>[A-Za-z0-9._~-]{1," + MAX_LABEL_LENGTH + "}))?\\.hprof(?<gz>\\.gz)?");

	private static final int MAX_NAME_LENGTH = 200;

	private static final String PARTIAL_PREFIX = ".partial-";

	static final int MAX_HOST_LENGTH = 63;

	// The host cannot contain '@', so the parts are told apart whatever the host is.
	private static final Pattern PARTIAL = Pattern.compile(Pattern.quote(PARTIAL_PREFIX)
			+ "(?<pid>\\d{1,19})@(?<host>[A-Za-z0-9._-]{1," + MAX_HOST_LENGTH + "})@(?<started>\\d{1,19})-(?<name>"
			+ NAME.pattern() + ")");

	private HeapDumpNames() {
	}

	/**
	 * Checks a label given by a user.
	 * @param label the label, or {@code null} or empty for none
	 * @return {@code null} if it can be used, otherwise what is wrong and how to fix it
	 */
	public static @Nullable String labelProblem(@Nullable String label) {
		return (label == null || label.isEmpty()) ? null : Labels.problem(label);
	}

	/**
	 * The name of an application's own dump directory.
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @return the name with every character outside {@code [A-Za-z0-9._-]} replaced by
	 * {@code _} and cut to {@value #MAX_LABEL_LENGTH} characters, or {@code application}
	 * if that leaves no usable name
	 */
	public static String directoryName(@Nullable String applicationName) {
		String safe = (applicationName != null) ? safe(applicationName.strip()) : "";
		if (safe.isEmpty() || safe.equals(".") || safe.equals("..")) {
			return "application";
		}
		return (safe.length() > MAX_LABEL_LENGTH) ? safe.substring(0, MAX_LABEL_LENGTH) : safe;
	}

	/**
	 * Generates the name of a new, uncompressed dump taken on request.
	 * @param createdAt when the dump starts
	 * @param live whether it holds live objects only
	 * @param label a label that passed {@link #labelProblem(String)}, or {@code null}
	 * @return the file name
	 */
	public static String generate(Instant createdAt, boolean live, @Nullable String label) {
		return generate(createdAt, false, live, label);
	}

	/**
	 * Generates the name of a new, uncompressed dump.
	 * @param createdAt when the dump starts
	 * @param automatic whether it is taken automatically rather than on request
	 * @param live whether it holds live objects only
	 * @param label a label that passed {@link #labelProblem(String)}, or {@code null}
	 * @return the file name
	 */
	public static String generate(Instant createdAt, boolean automatic, boolean live, @Nullable String label) {
		String problem = labelProblem(label);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		boolean labelled = label != null && !label.isEmpty();
		return PREFIX + TIMESTAMP.format(createdAt) + (automatic ? AUTOMATIC : "") + (live ? "-live" : "-all")
				+ (labelled ? "-" + label.replace(':', COLON_IN_NAME) : "") + SUFFIX;
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
			Instant createdAt = Instant.from(TIMESTAMP.parse(matcher.group("at")));
			return Optional.of(new Parsed(createdAt, matcher.group("auto") != null,
					"live".equals(matcher.group("kind")), labelOf(matcher.group("label")), matcher.group("gz") != null));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The name of a dump one millisecond later, for a name that is taken.
	 * @param name a generated name
	 * @return the same dump's name, one millisecond later
	 */
	static String next(String name) {
		Parsed parsed = parse(name).orElseThrow(() -> new IllegalArgumentException("Not a dump's name: " + name));
		String next = generate(parsed.createdAt().plusMillis(1), parsed.automatic(), parsed.live(), parsed.label());
		return parsed.compressed() ? compressedName(next) : next;
	}

	static String compressedName(String name) {
		return name + ".gz";
	}

	/**
	 * The name a dump is written under until it is complete. It starts with a dot and
	 * names the writing process, so it never matches the pattern of finished dumps (a dump
	 * being written is never listed, served or deleted as one) and no two processes write
	 * to the same file. It still ends with {@code .hprof}, which HotSpot requires.
	 * @param writer the process that writes it
	 * @param name the name the dump gets when it is complete
	 * @return the temporary name
	 */
	static String partialName(DumpWriter writer, String name) {
		return PARTIAL_PREFIX + writer.pid() + "@" + writer.host() + "@" + writer.startedAt() + "-" + name;
	}

	/**
	 * Reads a temporary name.
	 * @param fileName a file name
	 * @return who writes it and the name it will get, or empty if it is not a temporary
	 * name of ours
	 */
	static Optional<Partial> parsePartial(String fileName) {
		Matcher matcher = PARTIAL.matcher(fileName);
		if (fileName.length() > PARTIAL_PREFIX.length() + 42 + MAX_HOST_LENGTH + MAX_NAME_LENGTH
				|| !matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Partial(new DumpWriter(Long.parseLong(matcher.group("pid")), matcher.group("host"),
					Long.parseLong(matcher.group("started"))), matcher.group("name")));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable String labelOf(@Nullable String inName) {
		return (inName != null) ? inName.replace(COLON_IN_NAME, ':') : null;
	}

	static String safe(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			safe.append(isSafe(c) ? c : '_');
		}
		return safe.toString();
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
	 * @param automatic whether it was taken automatically rather than on request
	 * @param live whether it holds live objects only
	 * @param label the label, if any, as it was given
	 * @param compressed whether the file is gzip-compressed
	 */
	public record Parsed(Instant createdAt, boolean automatic, boolean live, @Nullable String label,
			boolean compressed) {

	}

	/**
	 * A dump being written (or left behind by a process that stopped while writing it).
	 *
	 * @param writer the process that writes it
	 * @param name the name it gets when complete
	 */
	record Partial(DumpWriter writer, String name) {

	}

}
