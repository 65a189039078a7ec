package io.leaks.workloads.scenario;

/**
 * One workload: what a service keeps in memory over time, leaking or healthy. A scenario is
 * a function of the time since it started: {@link #advance} brings what it holds to where
 * that time says, so a test can run an hour of it in a second. It is driven from one
 * thread; {@link #held} may be read from any.
 */
public interface Scenario {

	/**
	 * Brings what the scenario holds to where the time says: creates, keeps and drops objects
	 * (or classes, or threads).
	 * @param elapsedMillis time since the scenario started
	 */
	void advance(long elapsedMillis);

	/**
	 * What the scenario holds now, by its own count.
	 * @return bytes, or things (threads, classes) for scenarios that count those
	 */
	long held();

	/**
	 * Whether {@link #held} is bytes.
	 * @return {@code true} for bytes, {@code false} for a count
	 */
	default boolean heldInBytes() {
		return true;
	}

	/**
	 * Whether the scenario's leak is under way: a leak that has started and not been
	 * stopped. Healthy scenarios never leak.
	 * @return whether it leaks now
	 */
	default boolean leaking() {
		return false;
	}

	/**
	 * Stops a leak from growing; what it holds stays held.
	 */
	default void stopLeaking() {
	}

	/**
	 * How busy the service is, as a share of its full load: the background traffic follows
	 * it (a diurnal cycle, an idle service).
	 * @param elapsedMillis time since the scenario started
	 * @return from 0 to 1
	 */
	default double load(long elapsedMillis) {
		return 1.0;
	}

	/**
	 * Drops everything the scenario holds (and stops its threads).
	 */
	void release();

	/**
	 * What the scenario does, with its sizes, in a sentence (for the trace's label).
	 * @return the sentence
	 */
	String describe();

}
