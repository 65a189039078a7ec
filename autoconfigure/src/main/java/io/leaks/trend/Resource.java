package io.leaks.trend;

import java.util.Locale;

/**
 * What the watch judges for leaks.
 */
public enum Resource {

	/** The Java heap, judged on what collections leave behind. */
	HEAP(true),

	/** Class metadata: class-loader leaks. */
	METASPACE(true),

	/** Live threads: thread leaks. */
	THREADS(false),

	/** Direct byte buffers ({@code ByteBuffer.allocateDirect}), limited by {@code MaxDirectMemorySize}. */
	DIRECT(true),

	/** Memory-mapped files ({@code FileChannel.map}). */
	MAPPED(true),

	/**
	 * The process's resident memory outside the heap (native allocations, thread stacks,
	 * code), against the container's memory limit when there is one.
	 */
	RESIDENT(true);

	private final boolean bytes;

	Resource(boolean bytes) {
		this.bytes = bytes;
	}

	/**
	 * The name in JSON, meters and events.
	 * @return {@code heap}, {@code metaspace}, {@code threads}, {@code direct}, {@code mapped}
	 * or {@code resident}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether amounts of this resource are bytes (else counts).
	 * @return whether it is measured in bytes
	 */
	public boolean bytes() {
		return this.bytes;
	}

	/**
	 * Whether it grows in steps or for long stretches as the application warms up and its
	 * work grows, so that only a rise through a long span (or one that exhausts its limit
	 * soon) counts: a pool ramping to its maximum, classes loaded by code first used late,
	 * buffer pools and native arenas growing to their working size. Only the heap, judged on
	 * what collections leave behind, is also called on a shorter persistent rise.
	 * @return whether a persistent rise alone cannot call a leak
	 */
	boolean judgedThroughTime() {
		return this != HEAP;
	}

	@Override
	public String toString() {
		return id();
	}

}
