package io.leaks.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

/**
 * The bound {@code leaks.*} settings as property names and values, for
 * {@code GET /actuator/leaks/tuning}. Walks {@link LeaksProperties} and its nested groups
 * rather than listing them, so groups added later show up without changes here.
 */
final class LeaksSettings {

	private static final String NESTED_PREFIX = LeaksProperties.class.getName() + "$";

	private LeaksSettings() {
	}

	static Map<String, Object> describe(LeaksProperties properties) {
		Map<String, Object> settings = new TreeMap<>();
		walk("leaks", properties, settings);
		return settings;
	}

	private static void walk(String prefix, Object group, Map<String, Object> settings) {
		BeanWrapper wrapper = new BeanWrapperImpl(group);
		for (PropertyDescriptor property : wrapper.getPropertyDescriptors()) {
			if (property.getReadMethod() == null || "class".equals(property.getName())) {
				continue;
			}
			Object value = wrapper.getPropertyValue(property.getName());
			String name = prefix + "." + kebabCase(property.getName());
			if (value != null && value.getClass().getName().startsWith(NESTED_PREFIX)) {
				walk(name, value, settings);
			}
			else {
				settings.put(name, display(value));
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
		return String.valueOf(value);
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
