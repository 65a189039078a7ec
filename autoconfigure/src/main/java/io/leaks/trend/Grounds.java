package io.leaks.trend;

/**
 * Why a steady rise counts as a leak.
 */
public enum Grounds {

	/** At its pace it exhausts the resource within {@link TrendSettings#URGENT}. */
	URGENT,

	/**
	 * It has used more of the headroom than is left: at its pace the resource runs out
	 * within the span already watched (a cache would have levelled off below half the
	 * free heap).
	 */
	HALF_FREE,

	/**
	 * It persisted for {@link TrendSettings#persistSpan()} and grew to three times its starting
	 * level, too slowly for the heap to settle the question soon.
	 */
	PERSISTED,

	/** It kept rising for {@link TrendSettings#longSpan()}. */
	LONG

}
