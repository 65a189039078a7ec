package io.leaks.autoconfigure;

import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.util.unit.DataSize;

/**
 * The bound {@code leaks.*} settings as property names and values, for
 * {@code GET /actuator/leaks/tuning}. Walks {@link LeaksProperties} and its nested groups
 * rather than listing them, so groups added later show up without changes here.
 */
final class LeaksSettings {

	private static final String NESTED_PREFIX = LeaksProperties.class.getName() + "$";

	private static final Map<String, Long> DURATION_UNITS = orderedUnits("d", 86_400_000L, "h", 3_600_000L, "m",
			60_000L, "s", 1000L, "ms", 1L);

	private static final Map<String, Long> SIZE_UNITS = orderedUnits("TB", 1L << 40, "GB", 1L << 30, "MB", 1L << 20,
			"KB", 1L << 10, "B", 1L);

	private LeaksSettings() {
	}

	/** Shown in place of a file-system path to callers that may not learn it. */
	static final String HIDDEN_PATH = "(a path, shown with management.endpoint.leaks.access=unrestricted)";

	/**
	 * Describes the settings.
	 * @param properties the bound properties
	 * @param heapDumpDirectory the directory heap dumps go to, shown in place of an unset
	 * {@code leaks.heap-dump.directory}, or {@code null}
	 * @param paths whether to show file-system paths; read-only callers are not told them
	 * @return the settings by property name
	 */
	static Map<String, Object> describe(LeaksProperties properties, @Nullable Path heapDumpDirectory,
			boolean paths) {
		Map<String, Object> settings = new TreeMap<>();
		walk("leaks", properties, settings, paths);
		if (properties.getHeapDump().getDirectory() == null && heapDumpDirectory != null) {
			settings.put("leaks.heap-dump.directory", paths ? heapDumpDirectory.toString() : HIDDEN_PATH);
		}
		return settings;
	}

	private static void walk(String prefix, Object group, Map<String, Object> settings, boolean paths) {
		BeanWrapper wrapper = new BeanWrapperImpl(group);
		for (PropertyDescriptor property : wrapper.getPropertyDescriptors()) {
			if (property.getReadMethod() == null || "class".equals(property.getName())) {
				continue;
			}
			Object value = wrapper.getPropertyValue(property.getName());
			String name = prefix + "." + kebabCase(property.getName());
			if (value != null && value.getClass().getName().startsWith(NESTED_PREFIX)) {
				walk(name, value, settings, paths);
			}
			else {
				settings.put(name, (value instanceof Path && !paths) ? HIDDEN_PATH : display(value));
			}
		}
	}

	private static Object display(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Duration duration) {
			return largestExactUnit(duration.toMillis(), DURATION_UNITS);
		}
		if (value instanceof DataSize size) {
			return largestExactUnit(size.toBytes(), SIZE_UNITS);
		}
		return String.valueOf(value);
	}

	// Written the way application.properties would say it (2s, 4GB), which Boot parses back.
	private static String largestExactUnit(long amount, Map<String, Long> units) {
		for (Map.Entry<String, Long> unit : units.entrySet()) {
			if (amount != 0 && amount % unit.getValue() == 0) {
				return (amount / unit.getValue()) + unit.getKey();
			}
		}
		return amount + units.keySet().stream().reduce((first, last) -> last).orElse("");
	}

	private static Map<String, Long> orderedUnits(Object... unitsAndFactors) {
		Map<String, Long> units = new LinkedHashMap<>();
		for (int i = 0; i < unitsAndFactors.length; i += 2) {
			units.put((String) unitsAndFactors[i], (Long) unitsAndFactors[i + 1]);
		}
		return units;
	}

	private static String kebabCase(String name) {
		StringBuilder kebab = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
