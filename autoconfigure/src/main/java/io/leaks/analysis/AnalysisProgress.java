package io.leaks.analysis;

/**
 * Told when an analysis enters a step.
 */
@FunctionalInterface
public interface AnalysisProgress {

	/** Progress nobody listens to. */
	AnalysisProgress NONE = (step, heapDump) -> {
	};

	/**
	 * An analysis entered a step.
	 * @param step the step
	 * @param heapDump the dump it works on
	 */
	void onStep(AnalysisStep step, String heapDump);

}
