package io.leaks.analysis;

import java.util.List;

/**
 * What a dump says about one class.
 *
 * @param className the class, as the dump names it
 * @param found whether the dump has a class of that name
 * @param instances instances in the dump
 * @param shallowBytes bytes of the instances themselves
 * @param retainedBytes bytes freed if every instance were gone (the instances and what
 * only they keep alive)
 * @param retainedExact whether {@code retainedBytes} is exact, rather than a lower bound
 * of a retained set larger than the analysis explores
 * @param reachable instances reachable from a GC root (in a dump of all objects, the rest
 * is garbage)
 * @param examined reachable instances whose paths were examined (a sample when there are
 * very many)
 * @param owners the few objects holding most instances, most instances first
 * @param paths the paths from GC roots, grouped by pattern, most instances first
 */
public record ClassFinding(String className, boolean found, long instances, long shallowBytes, long retainedBytes,
		boolean retainedExact, long reachable, long examined, List<Owner> owners, List<PathGroup> paths) {

	public ClassFinding {
		owners = List.copyOf(owners);
		paths = List.copyOf(paths);
	}

	static ClassFinding missing(String className) {
		return new ClassFinding(className, false, 0, 0, 0, true, 0, 0, List.of(), List.of());
	}

}
