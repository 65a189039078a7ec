package io.leaks.histogram;

import org.jspecify.annotations.Nullable;

/**
 * Tells JDK classes from application classes. In a real leak {@code byte[]},
 * {@code String} and {@code HashMap$Node} dominate the byte growth while the application
 * class that owns them grows by instance count; marking the JDK rows lets a reader skip
 * them.
 * <p>
 * JDK classes are recognised by their module first ({@code java.base@17}); the package
 * prefixes are a fallback for JVMs that print no modules. {@code javax.} is deliberately
 * not one of them: the JDK's {@code javax} packages have modules, while class-path
 * libraries such as {@code javax.inject} or {@code javax.cache} are application code.
 */
public final class JdkClasses {

	private static final String[] JDK_PACKAGES = { "java.", "jdk.", "sun.", "com.sun." };

	private JdkClasses() {
	}

	/**
	 * Whether the class belongs to the JDK.
	 * @param className the class name as the JVM prints it (arrays in descriptor form)
	 * @param module the module the JVM printed for the class, if any
	 * @return whether the class is a JDK class
	 */
	public static boolean isJdk(String className, @Nullable String module) {
		if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
			return true;
		}
		String element = elementType(className);
		if (element == null) {
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
	 * The element class of an array descriptor such as {@code [[Lcom.example.Foo;}, the
	 * name itself for a plain class, or {@code null} for arrays of primitives.
	 */
	private static @Nullable String elementType(String className) {
		int dims = 0;
		while (dims < className.length() && className.charAt(dims) == '[') {
			dims++;
		}
		if (dims == 0) {
			return className;
		}
		if (className.length() > dims + 1 && className.charAt(dims) == 'L' && className.endsWith(";")) {
			return className.substring(dims + 1, className.length() - 1);
		}
		return null;
	}

	/**
	 * A readable name: {@code [B} becomes {@code byte[]}, {@code [[Ljava.lang.String;}
	 * becomes {@code java.lang.String[][]}, a lambda's {@code Foo$$Lambda$42/0x0000000800c0b000}
	 * loses its address suffix; other names are returned unchanged.
	 * @param className the class name as the JVM prints it
	 * @return the name as it is written in Java source
	 */
	public static String displayName(String className) {
		int hidden = className.indexOf("/0x");
		if (hidden > 0) {
			// Hidden classes (lambdas, proxies) carry their address, which differs on every run.
			return className.substring(0, hidden);
		}
		int dims = 0;
		while (dims < className.length() && className.charAt(dims) == '[') {
			dims++;
		}
		if (dims == 0 || dims == className.length()) {
			return className;
		}
		String element = elementType(className);
		if (element == null) {
			element = primitive(className.charAt(dims));
			if (element == null || className.length() != dims + 1) {
				return className;
			}
		}
		return element + "[]".repeat(dims);
	}

	private static @Nullable String primitive(char descriptor) {
		return switch (descriptor) {
			case 'Z' -> "boolean";
			case 'B' -> "byte";
			case 'C' -> "char";
			case 'S' -> "short";
			case 'I' -> "int";
			case 'J' -> "long";
			case 'F' -> "float";
			case 'D' -> "double";
			default -> null;
		};
	}

}
