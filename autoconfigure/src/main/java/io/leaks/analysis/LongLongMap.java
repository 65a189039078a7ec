package io.leaks.analysis;

import java.util.function.LongConsumer;

/**
 * A map from object ids to longs with open addressing: the analysis keeps hundreds of
 * thousands of object ids, which as boxed {@code Long}s would cost several times the memory
 * in the analyzer's small heap. Keys must not be 0 (no object has id 0).
 */
final class LongLongMap {

	private static final long EMPTY = 0;

	private long[] keys;

	private long[] values;

	private int size;

	LongLongMap() {
		this(16);
	}

	LongLongMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		this.keys = new long[capacity];
		this.values = new long[capacity];
	}

	int size() {
		return this.size;
	}

	boolean containsKey(long key) {
		return this.keys[slot(key)] == key;
	}

	long get(long key, long missing) {
		int slot = slot(key);
		return (this.keys[slot] == key) ? this.values[slot] : missing;
	}

	void put(long key, long value) {
		if (key == EMPTY) {
			throw new IllegalArgumentException("0 is not an object id");
		}
		int slot = slot(key);
		if (this.keys[slot] != key) {
			this.keys[slot] = key;
			this.size++;
			if (this.size * 2 > this.keys.length) {
				this.values[slot] = value;
				grow();
				return;
			}
		}
		this.values[slot] = value;
	}

	long increment(long key) {
		long value = get(key, 0) + 1;
		put(key, value);
		return value;
	}

	void forEachKey(LongConsumer action) {
		long[] snapshot = this.keys;
		for (long key : snapshot) {
			if (key != EMPTY) {
				action.accept(key);
			}
		}
	}

	private int slot(long key) {
		int mask = this.keys.length - 1;
		// Object ids are addresses: aligned, so their low bits carry little; mix them.
		long mixed = key * 0x9E3779B97F4A7C15L;
		int slot = (int) (mixed ^ (mixed >>> 32)) & mask;
		while (this.keys[slot] != EMPTY && this.keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = this.keys;
		long[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new long[oldKeys.length * 2];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = slot(oldKeys[i]);
				this.keys[slot] = oldKeys[i];
				this.values[slot] = oldValues[i];
			}
		}
	}

	@Override
	public String toString() {
		return "LongLongMap[size=" + this.size + ", capacity=" + this.keys.length + "]";
	}

}
