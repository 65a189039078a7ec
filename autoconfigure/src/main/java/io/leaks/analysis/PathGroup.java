package io.leaks.analysis;

import java.util.List;

/**
 * Instances of a class whose paths from GC roots share one pattern.
 *
 * @param instances how many instances share it
 * @param path one of those paths, with its array indices
 * @param threads the threads holding them, for thread roots (at most a few names)
 */
public record PathGroup(long instances, RootPath path, List<String> threads) {

	public PathGroup {
		threads = List.copyOf(threads);
	}

}
