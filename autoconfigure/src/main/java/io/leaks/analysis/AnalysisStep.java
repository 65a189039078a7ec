package io.leaks.analysis;

/**
 * The steps of an analysis, in the order they run.
 */
public enum AnalysisStep {

	/** Starting the analyzer's JVM. */
	STARTING("Starting the analyzer"),

	/** Reading the dump's structure and indexing its objects. */
	INDEXING("Indexing the heap dump"),

	/** Counting the instances of each class. */
	COUNTING_INSTANCES("Counting instances"),

	/** Following references from every GC root to the nearest path of each object. */
	FINDING_PATHS("Finding paths from GC roots"),

	/** Grouping paths and finding the objects that hold most instances. */
	FINDING_OWNERS("Finding owners"),

	/** Measuring what the owners and the classes retain. */
	COMPUTING_RETAINED_SIZES("Computing retained sizes"),

	/** Matching the owners of two dumps. */
	COMPARING("Comparing the dumps");

	private final String description;

	AnalysisStep(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
