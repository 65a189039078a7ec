package io.leaks.analysis;

import java.util.List;

/**
 * A path from a GC root to an object: the root, then every object on the way with the
 * reference it follows. The last step is the object itself.
 *
 * @param root what keeps the first step alive
 * @param steps the objects from the root to the target
 */
public record RootPath(GcRoot root, List<PathStep> steps) {

	public RootPath {
		steps = List.copyOf(steps);
	}

	/**
	 * The path with array indices and thread names left out and lambda class names made
	 * stable, so that paths of the same structure have the same pattern, within a dump and
	 * across dumps of the same application.
	 * @return a key identifying the path's structure
	 */
	public String pattern() {
		StringBuilder pattern = new StringBuilder(this.root.kind().name()).append(' ')
			.append(ClassNames.stable(this.root.className()));
		for (PathStep step : this.steps) {
			PathStep stable = step.pattern();
			pattern.append(" > ").append(ClassNames.stable(stable.className()));
			if (stable.reference() != null) {
				pattern.append('.').append(stable.reference());
			}
		}
		return pattern.toString();
	}

	/**
	 * The object the path leads to.
	 * @return the last step
	 */
	public PathStep target() {
		return this.steps.get(this.steps.size() - 1);
	}

}
