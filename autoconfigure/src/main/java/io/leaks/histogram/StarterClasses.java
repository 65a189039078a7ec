package io.leaks.histogram;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Tells the starter's own classes in a histogram, so that they never rank as growers: the
 * snapshots it keeps hold thousands of {@link HistogramEntry} objects, which the next
 * histogram counts (comparing two snapshots that counted all objects, the previous
 * snapshot's entries were the top application row). A class is the starter's when it
 * comes from the same jar (or classes directory) as this one; an application's classes
 * in {@code io.leaks} packages (the demo app, tests) are not.
 */
public final class StarterClasses {

	private static final String PACKAGE = "io.leaks.";

	private static final @Nullable URL LOCATION = location(StarterClasses.class);

	private static final Map<String, Boolean> known = new ConcurrentHashMap<>();

	private StarterClasses() {
	}

	/**
	 * Whether a class of a histogram is one of the starter's.
	 * @param className the name as the histogram prints it ({@code [Lx.Y;} for arrays,
	 * {@code x.Y$$Lambda/0x...} for hidden classes)
	 * @return whether it comes from the starter's own code
	 */
	public static boolean isStarterClass(String className) {
		String name = elementName(className);
		if (!name.startsWith(PACKAGE) || LOCATION == null) {
			return false;
		}
		return known.computeIfAbsent(name, StarterClasses::loadedFromStarter);
	}

	private static String elementName(String className) {
		String name = className;
		while (name.startsWith("[")) {
			name = name.substring(1);
		}
		if (name.startsWith("L") && name.endsWith(";")) {
			name = name.substring(1, name.length() - 1);
		}
		int hidden = name.indexOf("$$Lambda");
		if (hidden < 0) {
			hidden = name.indexOf('/');
		}
		return (hidden >= 0) ? name.substring(0, hidden) : name;
	}

	private static boolean loadedFromStarter(String name) {
		try {
			Class<?> type = Class.forName(name, false, StarterClasses.class.getClassLoader());
			URL location = location(type);
			return location != null && location.equals(LOCATION);
		}
		catch (ClassNotFoundException | LinkageError | SecurityException ex) {
			return false;
		}
	}

	private static @Nullable URL location(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return (source != null) ? source.getLocation() : null;
	}

}
