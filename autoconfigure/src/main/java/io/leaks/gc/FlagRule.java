package io.leaks.gc;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What leaks knows about one manageable flag: its type and accepted range, which
 * collectors act on it, and whether leaks lets a request change it at all.
 *
 * @param name the flag's name
 * @param type how its value is written
 * @param min the smallest accepted number (numeric types)
 * @param max the largest accepted number (numeric types)
 * @param zeroMeansOff whether {@code 0} is accepted below {@code min} (it turns the
 * feature off)
 * @param honouredBy the collectors that act on it
 * @param purpose what it does, in a sentence
 * @param refusal why leaks will not change it, or {@code null} if it will
 */
public record FlagRule(String name, FlagType type, long min, long max, boolean zeroMeansOff,
		Set<Collector> honouredBy, String purpose, @Nullable String refusal) {

	static final Set<Collector> EVERY_COLLECTOR = EnumSet.allOf(Collector.class);

	private static final long MB = 1024 * 1024;

	private static final Pattern INTEGER = Pattern.compile("\\d{1,18}");

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

	private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kmg]?)b?");

	public FlagRule {
		honouredBy = Set.copyOf(honouredBy);
	}

	public boolean isChangeable() {
		return this.refusal == null;
	}

	/**
	 * Whether the flag does anything under a collector.
	 * @param collector the running collector
	 * @return whether it acts, or {@code null} if the collector is unknown
	 */
	public @Nullable Boolean effectiveUnder(Collector collector) {
		if (this.honouredBy.containsAll(EVERY_COLLECTOR)) {
			return true;
		}
		return (collector != Collector.UNKNOWN) ? this.honouredBy.contains(collector) : null;
	}

	/**
	 * Says whether the flag does anything under a collector.
	 * @param collector the running collector
	 * @return a sentence for humans
	 */
	public String effectUnder(Collector collector) {
		if (this.honouredBy.containsAll(EVERY_COLLECTOR)) {
			return "Acts under every collector";
		}
		List<String> names = this.honouredBy.stream().map(Collector::displayName).sorted().toList();
		String honouring = (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
		if (collector == Collector.UNKNOWN) {
			return "Acts only under " + honouring + "; the running collector is not known";
		}
		if (this.honouredBy.contains(collector)) {
			return "Acts under " + collector.displayName();
		}
		return "Does nothing under " + collector.displayName() + ": only " + honouring
				+ ((names.size() == 1) ? " acts" : " act") + " on it. HotSpot accepts a new value anyway and ignores it";
	}

	/**
	 * The accepted values, for humans.
	 * @return such as {@code 0 to 100}
	 */
	public String range() {
		return switch (this.type) {
			case BOOLEAN -> "true or false";
			case INTEGER -> (this.zeroMeansOff ? "0 (off) or " : "") + this.min + " to " + this.max;
			case DECIMAL -> "at least " + this.min;
			case SIZE -> bytes(this.min) + " to " + bytes(this.max);
			case TEXT -> "text";
		};
	}

	/**
	 * Checks a requested value and writes it in the JVM's notation.
	 * @param requested the value from the request
	 * @return the value to hand to the JVM
	 * @throws TuningException if the value is not of the flag's type or out of range
	 */
	public String normalize(String requested) {
		String value = requested.trim().toLowerCase(Locale.ROOT);
		return switch (this.type) {
			case BOOLEAN -> bool(value, requested);
			case INTEGER -> String.valueOf(inRange(integer(value, requested), requested));
			case DECIMAL -> decimal(value, requested);
			case SIZE -> String.valueOf(inRange(size(value, requested), requested));
			case TEXT -> requested;
		};
	}

	/**
	 * Whether two values mean the same (such as {@code 0} and {@code 0.0}).
	 * @param current the JVM's current value
	 * @param normalized a value from {@link #normalize(String)}
	 * @return whether writing it would change nothing
	 */
	boolean sameValue(String current, String normalized) {
		try {
			return normalize(current).equals(normalized);
		}
		catch (TuningException ex) {
			return current.equals(normalized);
		}
	}

	private String bool(String value, String requested) {
		if (value.equals("true") || value.equals("false")) {
			return value;
		}
		throw invalid("is true or false, was '" + requested + "'");
	}

	private long integer(String value, String requested) {
		if (!INTEGER.matcher(value).matches()) {
			throw invalid("takes a whole number from " + range() + ", was '" + requested + "'");
		}
		return Long.parseLong(value);
	}

	private String decimal(String value, String requested) {
		if (!DECIMAL.matcher(value).matches()) {
			throw invalid("takes a decimal number such as 1.5 (" + range() + "), was '" + requested + "'");
		}
		double number = Double.parseDouble(value);
		if (number < this.min) {
			throw invalid("must be " + range() + ", was " + requested);
		}
		return Double.toString(number);
	}

	private long size(String value, String requested) {
		Matcher matcher = SIZE.matcher(value);
		if (!matcher.matches()) {
			throw invalid("takes a size in bytes, optionally with k, m or g (such as 256m), was '" + requested + "'");
		}
		long number = Long.parseLong(matcher.group(1));
		long unit = switch (matcher.group(2)) {
			case "k" -> 1024L;
			case "m" -> MB;
			case "g" -> 1024 * MB;
			default -> 1L;
		};
		try {
			return Math.multiplyExact(number, unit);
		}
		catch (ArithmeticException ex) {
			throw invalid("must be " + range() + ", was " + requested);
		}
	}

	private long inRange(long number, String requested) {
		if ((number == 0 && this.zeroMeansOff) || (number >= this.min && number <= this.max)) {
			return number;
		}
		throw invalid("must be " + range() + ", was " + requested);
	}

	private TuningException invalid(String what) {
		return new TuningException(TuningException.Reason.INVALID, this.name + " " + what);
	}

	private static String bytes(long bytes) {
		return (bytes >= MB && bytes % MB == 0) ? (bytes / MB) + "m" : String.valueOf(bytes);
	}

}
