package io.leaks.demo.pattern;

/**
 * One classic leak pattern, runnable in its leaking and its fixed variant. Implementations
 * are thread-safe: HTTP requests and the load driver may run them at the same time.
 */
public interface LeakPattern {

	PatternInfo info();

	/**
	 * Runs operations synchronously.
	 * @param variant which variant to run
	 * @param count how many operations
	 * @return how many instances of {@link PatternInfo#leakingClass()} the operations
	 * created (retained or not)
	 */
	long run(Variant variant, int count);

	/**
	 * How many instances of {@link PatternInfo#leakingClass()} the variant keeps reachable
	 * now.
	 * @param variant which variant
	 * @return the instances retained
	 */
	long retained(Variant variant);

	/**
	 * Drops everything both variants retain.
	 */
	void reset();

}
