package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} items, oldest dropped first. Thread-safe.
 *
 * @param <T> the item type
 */
public final class RingBuffer<T> {

	private final Object[] items;

	private int next;

	private int size;

	public RingBuffer(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		this.items = new Object[capacity];
	}

	public synchronized void add(T item) {
		this.items[this.next] = item;
		this.next = (this.next + 1) % this.items.length;
		this.size = Math.min(this.size + 1, this.items.length);
	}

	/**
	 * The items, oldest first.
	 * @return a copy
	 */
	@SuppressWarnings("unchecked")
	public synchronized List<T> list() {
		List<T> list = new ArrayList<>(this.size);
		int first = (this.next - this.size + this.items.length) % this.items.length;
		for (int i = 0; i < this.size; i++) {
			list.add((T) this.items[(first + i) % this.items.length]);
		}
		return list;
	}

	public synchronized int size() {
		return this.size;
	}

	public int capacity() {
		return this.items.length;
	}

}
