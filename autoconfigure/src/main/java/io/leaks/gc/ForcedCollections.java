package io.leaks.gc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the full collections the starter forced, by why: its own (the trend analysis'
 * live histograms, automatic heap dumps), which are a budget, and the ones users asked
 * for (a GC, a live snapshot, a live dump). Thread-safe.
 */
public final class ForcedCollections {

	/** Own collections remembered for the budget's period. */
	private static final int REMEMBERED = 256;

	private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);

	private final Deque<Long> own = new ArrayDeque<>();

	public ForcedCollections() {
		for (Reason reason : Reason.values()) {
			this.counts.put(reason, 0L);
		}
	}

	/**
	 * Counts one forced collection.
	 * @param reason why it was forced
	 * @param atMillis when, milliseconds since the JVM started
	 */
	public synchronized void record(Reason reason, long atMillis) {
		this.counts.merge(reason, 1L, Long::sum);
		if (reason.own()) {
			if (this.own.size() == REMEMBERED) {
				this.own.removeFirst();
			}
			this.own.addLast(atMillis);
		}
	}

	/**
	 * The starter's own forced collections within a period.
	 * @param periodMillis how far back
	 * @param nowMillis now
	 * @return how many
	 */
	public synchronized int ownWithin(long periodMillis, long nowMillis) {
		int within = 0;
		for (long at : this.own) {
			within += (nowMillis - at < periodMillis) ? 1 : 0;
		}
		return within;
	}

	/**
	 * When room for more own collections opens within the budget.
	 * @param budget own collections allowed per period
	 * @param needed how many are wanted
	 * @param periodMillis the period
	 * @param nowMillis now
	 * @return the earliest time the wanted number fits, {@code nowMillis} if they fit now
	 */
	public synchronized long roomAt(int budget, int needed, long periodMillis, long nowMillis) {
		if (needed > budget) {
			return Long.MAX_VALUE;
		}
		Long[] times = this.own.stream().filter((at) -> nowMillis - at < periodMillis).toArray(Long[]::new);
		int over = times.length + needed - budget;
		return (over <= 0) ? nowMillis : times[over - 1] + periodMillis;
	}

	public synchronized long count(Reason reason) {
		return this.counts.get(reason);
	}

	/**
	 * Every count so far.
	 * @return counts by reason
	 */
	public synchronized Map<Reason, Long> counts() {
		return Map.copyOf(this.counts);
	}

	/**
	 * Why a collection was forced.
	 */
	public enum Reason {

		/** A live histogram the trend analysis took to confirm a climb or name suspects. */
		HISTOGRAM(true),

		/** A live heap dump written automatically on a suspicion. */
		AUTOMATIC_DUMP(true),

		/** A collection a user requested ({@code POST /gc}). */
		GC(false),

		/** A live snapshot a user took. */
		SNAPSHOT(false),

		/** A live heap dump a user requested. */
		DUMP(false);

		private final boolean own;

		Reason(boolean own) {
			this.own = own;
		}

		/**
		 * Whether the starter forced it on its own, so that it counts against the budget.
		 * @return whether it is the starter's own
		 */
		public boolean own() {
			return this.own;
		}

		/**
		 * The name in JSON and meters.
		 * @return {@code histogram}, {@code automatic-dump}, {@code gc}, {@code snapshot} or {@code dump}
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
