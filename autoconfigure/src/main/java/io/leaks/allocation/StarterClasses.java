package io.leaks.allocation;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Tells the starter's own classes by where they were loaded from: the jar (or classes
 * directory) this class came from. The application may share the starter's base package
 * (the demo app does), so a package rule alone would not do. Only names under the base
 * package are looked up, each once.
 */
final class StarterClasses implements Predicate<String> {

	private static final String BASE_PACKAGE = "io.leaks.";

	private static final int MAX_KNOWN = 10_000;

	private final @Nullable URL home = location(StarterClasses.class);

	private final Map<String, Boolean> known = new ConcurrentHashMap<>();

	@Override
	public boolean test(String className) {
		if (!className.startsWith(BASE_PACKAGE) || this.home == null) {
			return false;
		}
		Boolean cached = this.known.get(className);
		if (cached != null) {
			return cached;
		}
		boolean starter = Objects.equals(location(className), this.home);
		if (this.known.size() < MAX_KNOWN) {
			this.known.put(className, starter);
		}
		return starter;
	}

	/**
	 * Where a class was loaded from. A hidden class (a lambda) cannot be looked up by name;
	 * it comes from wherever the class that defines it does.
	 */
	private static @Nullable URL location(String className) {
		int hidden = className.indexOf("$$Lambda");
		String name = (hidden > 0) ? className.substring(0, hidden) : className;
		try {
			return location(Class.forName(name, false, StarterClasses.class.getClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError | SecurityException ex) {
			return null;
		}
	}

	private static @Nullable URL location(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return (source != null) ? source.getLocation() : null;
	}

}
