package io.leaks.demo.pattern;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Every pattern of the demo, in the order the beans are declared with {@code @Order}.
 */
@Component
public class PatternCatalog {

	private final List<LeakPattern> patterns;

	public PatternCatalog(List<LeakPattern> patterns) {
		this.patterns = List.copyOf(patterns);
	}

	public List<LeakPattern> all() {
		return this.patterns;
	}

	/**
	 * Finds a pattern by id.
	 * @param id the pattern id, as in the URL
	 * @return the pattern
	 * @throws BadDemoRequestException if the id is missing or unknown
	 */
	public LeakPattern require(@Nullable String id) {
		for (LeakPattern pattern : this.patterns) {
			if (id != null && pattern.info().id().equalsIgnoreCase(id.trim())) {
				return pattern;
			}
		}
		List<String> ids = this.patterns.stream().map((pattern) -> pattern.info().id()).toList();
		throw new BadDemoRequestException("pattern must be one of " + ids + ", was "
				+ ((id != null) ? "'" + id + "'" : "missing") + ": GET /demo/patterns lists them");
	}

}
