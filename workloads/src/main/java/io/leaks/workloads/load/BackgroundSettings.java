package io.leaks.workloads.load;

import java.time.Duration;

import io.leaks.workloads.scenario.Rate;

/**
 * How busy the service is when its load is full.
 *
 * @param allocation request-like garbage allocated per unit of time
 * @param sessionBytes bytes the live sessions hold at full load
 * @param sessionLife how long a session lives on average (each lives from half to one and a
 * half times that)
 * @param httpRate real HTTP requests the service sends itself per unit of time
 */
public record BackgroundSettings(Rate allocation, long sessionBytes, Duration sessionLife, Rate httpRate) {

	/** Share of the max heap the sessions hold at full load... */
	public static final double SESSION_SHARE = 0.05;

	/** ...but at most this much. */
	public static final long MOST_SESSION_BYTES = 256L << 20;

	public BackgroundSettings {
		if (!allocation.bytes()) {
			throw new IllegalArgumentException("the background allocation is bytes, such as 16MiB/s, was " + allocation);
		}
		if (httpRate.bytes()) {
			throw new IllegalArgumentException("the HTTP rate is requests, such as 2/s, was " + httpRate);
		}
		if (sessionLife.toMillis() < 1000) {
			throw new IllegalArgumentException("sessions live at least 1s on average, was " + sessionLife);
		}
	}

	/**
	 * The default session bytes for a heap.
	 * @param maxHeap the max heap
	 * @return bytes the sessions hold at full load
	 */
	public static long sessionBytesFor(long maxHeap) {
		return Math.min(MOST_SESSION_BYTES, (long) (maxHeap * SESSION_SHARE));
	}

}
