package io.leaks.analysis;

import java.util.Set;
import java.util.regex.Pattern;

import io.leaks.histogram.JdkClasses;

/**
 * Class names between the forms the JVM prints (class histograms: {@code [B},
 * {@code Foo$$Lambda$42/0x0000000800c0b000}) and the form heap dumps use ({@code byte[]},
 * {@code Foo$$Lambda$42+0x0000000800c0b000}), and a stable form that is the same in every
 * dump of an application.
 */
final class ClassNames {

	private static final Pattern HIDDEN_SUFFIX = Pattern.compile("\\$\\$Lambda(\\$\\d+)?([+/]0x[0-9a-fA-F]+)?");

	private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
			"double");

	private static final String[] JDK_PACKAGES = { "java.", "jdk.", "sun.", "com.sun." };

	private ClassNames() {
	}

	/**
	 * The name a heap dump gives a class the JVM names so.
	 * @param jvmName a name from a class histogram, or already in the dump's form
	 * @return the name in the dump's form
	 */
	static String inDump(String jvmName) {
		String name = jvmName.trim();
		if (name.startsWith("[")) {
			return JdkClasses.displayName(name);
		}
		return name.replace("/0x", "+0x");
	}

	/**
	 * The name without what changes from one run to the next: a lambda's counter and
	 * address.
	 * @param dumpName a name in the dump's form
	 * @return {@code Foo$$Lambda} for {@code Foo$$Lambda$42+0x0000000800c0b000}
	 */
	static String stable(String dumpName) {
		return HIDDEN_SUFFIX.matcher(dumpName).replaceAll("\\$\\$Lambda");
	}

	/**
	 * Whether a class in the dump's form belongs to the JDK (arrays of primitives do).
	 * @param dumpName the name
	 * @return whether it is a JDK class
	 */
	static boolean isJdk(String dumpName) {
		String element = dumpName;
		while (element.endsWith("[]")) {
			element = element.substring(0, element.length() - 2);
		}
		if (PRIMITIVES.contains(element)) {
			return true;
		}
		for (String prefix : JDK_PACKAGES) {
			if (element.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The class's name without its package.
	 * @param dumpName the name
	 * @return {@code OrderEventBus} for {@code io.leaks.demo.listeners.OrderEventBus}
	 */
	static String simple(String dumpName) {
		String stable = stable(dumpName);
		return stable.substring(stable.lastIndexOf('.') + 1);
	}

}
