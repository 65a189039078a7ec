package io.leaks.analysis;

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

	/**
	 * A key that identifies this owner across two dumps of one application: the pattern of
	 * its path, with the thread's name for thread roots (each pool thread has its own).
	 * @return the key
	 */
	public String fingerprint() {
		String thread = this.path.root().thread();
		return this.path.pattern() + ((thread != null) ? " @" + thread : "");
	}

}
