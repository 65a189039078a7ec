package io.leaks.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The class names an analysis may be asked about: names as a class histogram prints them
 * ({@code com.example.Foo}, {@code [B}, {@code Foo$$Lambda$42/0x0000000800c0b000}) or as
 * a heap dump writes them ({@code byte[]}).
 */
final class AnalysisClasses {

	/** Most classes one analysis looks at. */
	static final int MAX = 20;

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_$.\\[\\];/+]{1,300}");

	private AnalysisClasses() {
	}

	/**
	 * Checks and normalises a request's classes.
	 * @param classes the names
	 * @return them trimmed, duplicates removed, in the order given
	 * @throws AnalysisException {@code INVALID} for no name, too many, or an invalid one
	 */
	static List<String> check(List<String> classes) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : classes) {
			String trimmed = (name != null) ? name.trim() : "";
			if (!NAME.matcher(trimmed).matches()) {
				throw new AnalysisException(AnalysisException.Reason.INVALID, "'" + name + "' is not a class name: "
						+ "use the fully qualified name a snapshot diff shows, such as com.example.OrderListener");
			}
			names.add(trimmed);
		}
		if (names.isEmpty()) {
			throw new AnalysisException(AnalysisException.Reason.INVALID,
					"Name at least one class to analyse: {\"classes\": [\"com.example.OrderListener\"]}");
		}
		if (names.size() > MAX) {
			throw new AnalysisException(AnalysisException.Reason.INVALID,
					"At most " + MAX + " classes per analysis, got " + names.size());
		}
		return new ArrayList<>(names);
	}

}
