package io.leaks.trend;

import java.util.function.LongUnaryOperator;

/**
 * Live sets over time, in bytes, for the simulated JVM: the leaks the watch must call and
 * the healthy shapes it must not (issue 8's workloads, as functions of milliseconds).
 */
final class Scenarios {

	static final long MB = 1024 * 1024;

	static final long MINUTE = 60_000;

	private Scenarios() {
	}

	static LongUnaryOperator flat(long base) {
		return (t) -> base;
	}

	/** A leak of a steady number of bytes per minute from its onset on. */
	static LongUnaryOperator leak(long base, double bytesPerMinute, long onsetMillis) {
		return (t) -> base + (long) (Math.max(0, t - onsetMillis) * bytesPerMinute / MINUTE);
	}

	/** A cache filling linearly to its bound over a span from a moment on, then full. */
	static LongUnaryOperator boundedCache(long base, long bound, long fromMillis, long fillMillis) {
		return (t) -> base + (long) (bound * Math.min(1.0, Math.max(0, t - fromMillis) / (double) fillMillis));
	}

	/** A live set that rises and falls with the load, over a period. */
	static LongUnaryOperator diurnal(long base, long amplitude, long periodMillis) {
		return (t) -> base + (long) (amplitude * (1 - Math.cos(2 * Math.PI * t / periodMillis)) / 2);
	}

	/** A batch whose results are held for a while, then released. */
	static LongUnaryOperator batch(long base, long results, long fromMillis, long toMillis) {
		return (t) -> base + ((t >= fromMillis && t < toMillis) ? results : 0);
	}

	/**
	 * An import loading its results at a steady pace over a span, holding them for a while,
	 * then releasing them all: a leak while it loads.
	 */
	static LongUnaryOperator load(long base, long results, long fromMillis, long loadMillis, long holdMillis) {
		return (t) -> {
			if (t < fromMillis || t >= fromMillis + loadMillis + holdMillis) {
				return base;
			}
			return base + (long) (results * Math.min(1.0, (t - fromMillis) / (double) loadMillis));
		};
	}

	/** Batches that each leave results behind. */
	static LongUnaryOperator stepwise(long base, long perStep, long everyMillis) {
		return (t) -> base + perStep * (t / everyMillis);
	}

}
