package io.leaks.histogram;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Parses the text of HotSpot's {@code GC.class_histogram} into a {@link ClassHistogram}.
 * Rows look like {@code   12:   4096   131072  java.lang.String (java.base@17.0.15)}; the
 * output ends with a {@code Total} row. Parsing is a single pass without regular
 * expressions because it runs on every snapshot of about 4,000 classes.
 */
public final class HistogramParser {

	private HistogramParser() {
	}

	/**
	 * Parses histogram text.
	 * @param text the output of {@code GC.class_histogram}
	 * @return the histogram
	 * @throws IllegalArgumentException if the text holds no histogram rows
	 */
	public static ClassHistogram parse(String text) {
		List<HistogramEntry> entries = new ArrayList<>(4096);
		boolean sawTotal = false;
		int start = 0;
		int length = text.length();
		while (start < length) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = length;
			}
			HistogramEntry entry = parseRow(text, start, end);
			if (entry != null) {
				entries.add(entry);
			}
			else if (text.startsWith("Total", skipSpaces(text, start, end))) {
				sawTotal = true;
			}
			start = end + 1;
		}
		if (entries.isEmpty() && !sawTotal) {
			throw new IllegalArgumentException("Not a class histogram: no rows found");
		}
		return new ClassHistogram(entries);
	}

	private static @Nullable HistogramEntry parseRow(String text, int start, int end) {
		int pos = skipSpaces(text, start, end);
		int colon = pos;
		while (colon < end && Character.isDigit(text.charAt(colon))) {
			colon++;
		}
		if (colon == pos || colon >= end || text.charAt(colon) != ':') {
			return null;
		}
		pos = skipSpaces(text, colon + 1, end);
		int instancesEnd = digitsEnd(text, pos, end);
		if (instancesEnd == pos) {
			return null;
		}
		long instances = Long.parseLong(text, pos, instancesEnd, 10);
		pos = skipSpaces(text, instancesEnd, end);
		int bytesEnd = digitsEnd(text, pos, end);
		if (bytesEnd == pos) {
			return null;
		}
		long bytes = Long.parseLong(text, pos, bytesEnd, 10);
		pos = skipSpaces(text, bytesEnd, end);
		int nameEnd = pos;
		while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
			nameEnd++;
		}
		if (nameEnd == pos) {
			return null;
		}
		String className = text.substring(pos, nameEnd).intern();
		String module = null;
		int open = text.indexOf('(', nameEnd);
		if (open >= 0 && open < end) {
			int close = text.indexOf(')', open);
			if (close > open && close < end) {
				module = text.substring(open + 1, close).intern();
			}
		}
		return new HistogramEntry(className, module, instances, bytes);
	}

	private static int skipSpaces(String text, int pos, int end) {
		while (pos < end && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
		return pos;
	}

	private static int digitsEnd(String text, int pos, int end) {
		while (pos < end && Character.isDigit(text.charAt(pos))) {
			pos++;
		}
		return pos;
	}

}
