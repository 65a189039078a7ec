package io.leaks.web;

import java.util.List;

/**
 * Stands where the dashboard would, in a host that left out the libraries the page needs;
 * the start-up line gives its {@link #reason()}. The endpoint, trend analysis, events and
 * meters do not need them.
 */
public final class LeaksDashboardUnavailable {

	private final List<String> missing;

	public LeaksDashboardUnavailable(List<String> missing) {
		this.missing = List.copyOf(missing);
	}

	/**
	 * The libraries that are missing.
	 * @return their names, as a host adds them
	 */
	public List<String> missing() {
		return this.missing;
	}

	/**
	 * Why the page is off and what still works, for the start-up line.
	 * @return the sentence
	 */
	public String reason() {
		return String.join(", ", this.missing) + " not on the classpath (the leaks endpoint, trend analysis, "
				+ "events and meters work without it; the leaks starter brings them)";
	}

}
