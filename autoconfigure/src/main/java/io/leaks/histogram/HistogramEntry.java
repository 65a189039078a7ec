package io.leaks.histogram;

import org.jspecify.annotations.Nullable;

/**
 * One row of a class histogram: all instances of one class, as the JVM counts them.
 *
 * @param className the class name exactly as the JVM prints it ({@code [B},
 * {@code java.lang.String}, {@code com.example.Foo$$Lambda/0x...})
 * @param module the module (with version) the class belongs to, or {@code null} for
 * classes on the class path
 * @param instances number of instances
 * @param bytes shallow size of all instances in bytes
 */
public record HistogramEntry(String className, @Nullable String module, long instances, long bytes) {

	/**
	 * Whether this class belongs to the JDK (and so usually grows only as a side effect of
	 * an application class that holds it).
	 * @return whether the class is a JDK class
	 */
	public boolean jdk() {
		return JdkClasses.isJdk(this.className, this.module);
	}

}
