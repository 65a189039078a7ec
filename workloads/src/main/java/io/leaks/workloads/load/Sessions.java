package io.leaks.workloads.load;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * User sessions: medium-lived objects that survive young collections, are promoted, and
 * die in the old generation tens of seconds later. The live set they make is bounded, but
 * the heap after young collections climbs with their promoted garbage until an old
 * collection takes it back.
 */
final class Sessions {

	static final int MEAN_SESSION_BYTES = 32 * 1024;

	private final SplittableRandom random;

	private final PriorityQueue<UserSession> live = new PriorityQueue<>(
			(left, right) -> Long.compare(left.expiresAt(), right.expiresAt()));

	private long created;

	private volatile long held;

	Sessions(SplittableRandom random) {
		this.random = random;
	}

	/**
	 * Opens one session.
	 * @param now the time now, milliseconds
	 * @param meanLifeMillis the mean lifetime
	 */
	void open(long now, long meanLifeMillis) {
		long life = meanLifeMillis / 2 + this.random.nextLong(meanLifeMillis + 1);
		byte[] attributes = new byte[MEAN_SESSION_BYTES / 4 + this.random.nextInt(MEAN_SESSION_BYTES * 3 / 2)];
		this.live.add(new UserSession(this.created++, now + life, attributes));
		this.held += attributes.length;
	}

	/**
	 * Ends the sessions that expired.
	 * @param now the time now, milliseconds
	 */
	void expire(long now) {
		while (!this.live.isEmpty() && this.live.peek().expiresAt() <= now) {
			this.held -= this.live.poll().attributes().length;
		}
	}

	void clear() {
		this.live.clear();
		this.held = 0;
	}

	long held() {
		return this.held;
	}

	int size() {
		return this.live.size();
	}

	record UserSession(long id, long expiresAt, byte[] attributes) {

	}

}
