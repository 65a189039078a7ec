package io.leaks.workloads.healthy;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Memory held in equal chunks, grown and shrunk to a target: what the healthy scenarios
 * keep. Oldest chunks go first.
 */
final class Chunks {

	private final int chunkBytes;

	private final Deque<byte[]> chunks = new ArrayDeque<>();

	private volatile long held;

	Chunks(int chunkBytes) {
		this.chunkBytes = chunkBytes;
	}

	/**
	 * Grows or shrinks to the target.
	 * @param bytes the bytes to hold
	 */
	void holdAbout(long bytes) {
		long wanted = bytes / this.chunkBytes;
		while (this.chunks.size() < wanted) {
			this.chunks.addLast(new byte[this.chunkBytes]);
		}
		while (this.chunks.size() > wanted) {
			this.chunks.removeFirst();
		}
		this.held = (long) this.chunks.size() * this.chunkBytes;
	}

	/**
	 * Replaces the oldest chunks with new ones, holding as much as before: churn.
	 * @param count chunks to replace
	 */
	void renew(long count) {
		for (long i = 0; i < count && !this.chunks.isEmpty(); i++) {
			this.chunks.removeFirst();
			this.chunks.addLast(new byte[this.chunkBytes]);
		}
	}

	long held() {
		return this.held;
	}

	int chunkBytes() {
		return this.chunkBytes;
	}

	void clear() {
		holdAbout(0);
	}

}
