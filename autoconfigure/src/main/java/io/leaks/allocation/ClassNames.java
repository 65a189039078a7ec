package io.leaks.allocation;

import java.util.regex.Pattern;

import io.leaks.histogram.JdkClasses;
import org.jspecify.annotations.Nullable;

/**
 * One spelling for class names, so a class asked for as the class histogram prints it
 * ({@code [B}, {@code [Ljava.lang.String;}) matches the class a JFR event names
 * ({@code byte[]}, {@code java.lang.String[]}): both become the histogram's display name
 * ({@link JdkClasses#displayName(String)}). JFR spells a hidden class (a lambda) with
 * {@code +} or {@code .} before its address and sometimes a counter after it, where the
 * JVM writes {@code /}; the display name drops the address, which differs on every run.
 */
public final class ClassNames {

	private static final String NAME = "[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*"
			+ "(?:[+./]0x\\p{XDigit}+(?:\\.\\d+)?)?";

	/** A class name in source form with optional {@code []}, or an array descriptor. */
	private static final Pattern VALID = Pattern
		.compile("(?:" + NAME + "(?:\\[])*)|(?:\\[+(?:[BCDFIJSZ]|L" + NAME + ";))");

	private static final Pattern JFR_HIDDEN = Pattern.compile("[+.](0x\\p{XDigit}+)(?:\\.\\d+)?(?=;|\\[|$)");

	static final int MAX_LENGTH = 500;

	private ClassNames() {
	}

	/**
	 * The canonical spelling of a class name.
	 * @param name a class name in source, descriptor or JFR form
	 * @return the name in source form ({@code byte[]}, {@code java.lang.String[][]},
	 * {@code com.example.Bus$$Lambda$12})
	 */
	public static String canonical(String name) {
		return JdkClasses.displayName(JFR_HIDDEN.matcher(name.trim()).replaceFirst("/$1"));
	}

	/**
	 * What is wrong with a class name a user sent, or {@code null} when it can be used.
	 * @param name the name
	 * @return the problem in a sentence, or {@code null}
	 */
	public static @Nullable String problem(String name) {
		if (name.isBlank()) {
			return "a class name is empty";
		}
		if (name.length() > MAX_LENGTH) {
			return "a class name is " + name.length() + " characters long, at most " + MAX_LENGTH + " are allowed";
		}
		String trimmed = name.trim();
		if (!VALID.matcher(trimmed).matches()) {
			return "'" + printable(trimmed) + "' is not a class name (use the fully qualified name, such as "
					+ "com.example.OrderListener, byte[] or [B)";
		}
		return null;
	}

	/**
	 * Text a user sent, safe to quote in a message: control characters replaced, cut after
	 * 80 characters.
	 */
	static String printable(String text) {
		StringBuilder shown = new StringBuilder();
		text.codePoints()
			.limit(80)
			.forEach((c) -> shown.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
		return (text.codePointCount(0, text.length()) > 80) ? shown + "..." : shown.toString();
	}

}
