package io.leaks.allocation;

/**
 * One frame of a sampled stack trace.
 *
 * @param className the declaring class
 * @param method the method name ({@code <init>} for a constructor)
 * @param line the source line, or a negative number when the class has no line numbers
 */
public record Frame(String className, String method, int line) {

	/**
	 * The frame as {@code class.method:line}, the way a site is named.
	 * @return the site's name
	 */
	public String site() {
		return (this.line >= 0) ? this.className + "." + this.method + ":" + this.line
				: this.className + "." + this.method;
	}

}
