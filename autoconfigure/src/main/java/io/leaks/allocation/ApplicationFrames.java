package io.leaks.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tells the application's frames from those of the JDK, the frameworks it runs on and this
 * starter, so that a site names the application code that allocated, not
 * {@code HashMap.resize} or a servlet filter. A frame belongs to a framework when its class
 * is in one of the framework packages (the application may add its own: a shared library
 * whose callers it wants to see instead), and to the starter when its class was loaded from
 * the starter's jar: the starter's frames are on the stack when it allocates for its own
 * work, and such a site is no finding about the application.
 */
public final class ApplicationFrames {

	/**
	 * The JDK, servlet containers, Spring and the libraries a Spring Boot service usually
	 * calls through.
	 */
	static final List<String> FRAMEWORK_PACKAGES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
			"org.springframework.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
			"org.eclipse.jetty.", "io.undertow.", "io.netty.", "reactor.", "io.micrometer.", "tools.jackson.",
			"com.fasterxml.jackson.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.", "org.thymeleaf.",
			"kotlin.", "kotlinx.");

	/** Spring's CGLIB subclasses of application classes only forward to them. */
	private static final String CGLIB_MARKER = "$$SpringCGLIB$$";

	private final List<String> frameworkPackages;

	private final Predicate<String> starterClasses;

	/**
	 * Creates the rule with the built-in framework packages and more.
	 * @param morePackages further package prefixes to skip, such as {@code com.example.common}
	 */
	public ApplicationFrames(List<String> morePackages) {
		this(morePackages, new StarterClasses());
	}

	ApplicationFrames(List<String> morePackages, Predicate<String> starterClasses) {
		this.starterClasses = starterClasses;
		List<String> packages = new ArrayList<>(FRAMEWORK_PACKAGES);
		for (String extra : morePackages) {
			String trimmed = extra.trim();
			if (!trimmed.isEmpty()) {
				packages.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
			}
		}
		this.frameworkPackages = List.copyOf(packages);
	}

	/**
	 * Whether the frame is application code.
	 * @param frame a stack frame
	 * @return {@code false} for the JDK's, a framework's or this starter's frames
	 */
	public boolean isApplication(Frame frame) {
		String className = frame.className();
		if (className.contains(CGLIB_MARKER)) {
			return false;
		}
		for (String prefix : this.frameworkPackages) {
			if (className.startsWith(prefix)) {
				return false;
			}
		}
		return !this.starterClasses.test(className);
	}

	/**
	 * The position of the first application frame, counted from the allocation.
	 * @param stack the frames, the allocating one first
	 * @return its index, or -1 when every frame is a framework's
	 */
	public int firstApplicationFrame(List<Frame> stack) {
		for (int i = 0; i < stack.size(); i++) {
			if (isApplication(stack.get(i))) {
				return i;
			}
		}
		return -1;
	}

}
