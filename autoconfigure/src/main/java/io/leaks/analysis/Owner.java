package io.leaks.analysis;

import java.util.List;

/**
 * An object that holds many instances of a class: the collection, map, thread-local map
 * or object the instances hang from, reported at the boundary where application code (or a
 * class's static field, or a thread) holds it.
 *
 * @param className the owner's class
 * @param instances how many of the class's instances it holds
 * @param retainedBytes what would be freed if the owner were gone (it and everything only
 * it keeps alive)
 * @param exact whether {@code retainedBytes} is exact; {@code false} when the retained set
 * was larger than the analysis explores, and the figure is a lower bound
 * @param path the path from its GC root to the owner; its last-but-one step holds it
 */
public record Owner(String className, long instances, long retainedBytes, boolean exact, RootPath path) {

	/** Steps before the owner that identify it across dumps. */
	static final int FINGERPRINT_STEPS = 2;

	/**
	 * A key that identifies this owner across two dumps of one application: the pattern of
	 * the last steps of its path (the start of a path through a thread's stack changes from
	 * one dump to the next, with whatever the threads are doing), with the class of a
	 * static field root and the thread of a thread-local (each pool thread has its own).
	 * @return the key
	 */
	public String fingerprint() {
		List<PathStep> steps = this.path.steps();
		RootPath tail = new RootPath(this.path.root(),
				steps.subList(Math.max(0, steps.size() - FINGERPRINT_STEPS - 1), steps.size()));
		String pattern = tail.pattern();
		String steady = pattern.substring(pattern.indexOf(" > "));
		GcRoot root = this.path.root();
		return switch (root.kind()) {
			case STATIC_FIELD -> "static " + root.className() + steady;
			case THREAD_LOCAL, THREAD -> root.kind() + " @" + root.thread() + steady;
			default -> steady;
		};
	}

}
