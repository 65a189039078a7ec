package io.leaks.trend;

import java.util.List;

/**
 * What a round of live histograms found about a climb seen after young collections: each
 * live histogram forces a full collection, so its total is the true floor.
 *
 * @param outcome whether the live floor rose as the climb did
 * @param atMillis when the round ended
 * @param climbFromMillis when the climb it measured began
 * @param livePerMinute growth of the live floor, bytes per minute
 * @param liveLevel the last live floor, bytes
 * @param liveFloors every live floor measured, oldest first
 * @param youngPerMinute the growth young collections showed
 * @param growingClasses classes whose instances grew at every step
 * @param climbSteady whether the climb kept a steady pace while it was watched, so that
 * a live floor rising like it can be taken to have risen so all along
 * @param liveFromMillis since when the live floor is known to have risen at its pace: the
 * round's first live floor, or, when earlier rounds confirmed the same climb and the floor
 * kept rising between them, where their measured climb began
 */
public record Confirmation(Outcome outcome, long atMillis, long climbFromMillis, double livePerMinute, long liveLevel,
		List<Point> liveFloors, double youngPerMinute, int growingClasses, boolean climbSteady, long liveFromMillis) {

	public Confirmation {
		liveFloors = List.copyOf(liveFloors);
	}

	public boolean confirmed() {
		return this.outcome == Outcome.CONFIRMED;
	}

	public boolean refuted() {
		return this.outcome == Outcome.REFUTED;
	}

	/**
	 * What a round found.
	 */
	public enum Outcome {

		/** The live floor rose beyond its noise: the climb is retained memory. */
		CONFIRMED,

		/** It did not: the climb was garbage waiting for an old collection. */
		REFUTED,

		/**
		 * It rose beyond its noise, but in one step between two histograms, as a batch
		 * landing does: whether that is retained (a stepwise leak) or released later, only
		 * a later round can tell, so this one neither confirms nor refutes.
		 */
		INCONCLUSIVE

	}

}
