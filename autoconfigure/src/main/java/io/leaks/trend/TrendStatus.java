package io.leaks.trend;

/**
 * The verdict on one resource.
 */
public enum TrendStatus {

	/** Not enough evidence yet (warm-up, too short a span or too few collections). */
	COLLECTING,

	/** Enough evidence, and it shows no leak. */
	STABLE,

	/** The retained data grows at a pace that exhausts the resource, or already has. */
	LEAK_SUSPECTED

}
