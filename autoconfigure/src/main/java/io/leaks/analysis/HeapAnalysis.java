package io.leaks.analysis;

import java.util.List;

/**
 * What one heap dump says about the classes asked for.
 *
 * @param heapDump the dump's file name
 * @param dumpBytes the dump's size
 * @param classes one finding per class asked for, in the order asked
 * @param durationMillis how long the analysis took
 */
public record HeapAnalysis(String heapDump, long dumpBytes, List<ClassFinding> classes, long durationMillis) {

	public HeapAnalysis {
		classes = List.copyOf(classes);
	}

}
