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

	long held() {
		return this.held;
	}

	void clear() {
		holdAbout(0);
	}

}
