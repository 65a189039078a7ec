package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded series that keeps its whole history at falling resolution: when full, the
 * older half is thinned by merging neighbours, so recent points stay exact while a
 * days-long history still fits in a fixed number of points. A merge keeps the lower of
 * the two points (with its own time), because every value recorded here is an upper
 * bound of what is really retained: the lower envelope is the best estimate of it.
 * <p>
 * Not thread-safe: the owner synchronises.
 */
public final class EnvelopeSeries {

	private final long[] times;

	private final long[] values;

	private int size;

	public EnvelopeSeries(int capacity) {
		if (capacity < 8) {
			throw new IllegalArgumentException("capacity must be at least 8, was " + capacity);
		}
		this.times = new long[capacity];
		this.values = new long[capacity];
	}

	/**
	 * Appends a point; points are expected in time order.
	 * @param atMillis milliseconds since the JVM started
	 * @param value the value
	 */
	public void add(long atMillis, long value) {
		if (this.size == this.times.length) {
			thinOlderHalf();
		}
		this.times[this.size] = atMillis;
		this.values[this.size] = value;
		this.size++;
	}

	/**
	 * Lowers the last point to the given one when it is no higher: the next step of one
	 * measurement, such as a cycle of mixed collections.
	 * @param atMillis milliseconds since the JVM started
	 * @param value the value
	 * @return whether the last point was lowered (not when the series is empty or the
	 * value is higher)
	 */
	public boolean lowerLast(long atMillis, long value) {
		if (this.size == 0 || value > this.values[this.size - 1]) {
			return false;
		}
		this.times[this.size - 1] = atMillis;
		this.values[this.size - 1] = value;
		return true;
	}

	private void thinOlderHalf() {
		int half = this.size / 2;
		int kept = 0;
		for (int i = 0; i + 1 < half; i += 2) {
			int lower = (this.values[i + 1] < this.values[i]) ? i + 1 : i;
			this.times[kept] = this.times[lower];
			this.values[kept] = this.values[lower];
			kept++;
		}
		if (half % 2 == 1) {
			this.times[kept] = this.times[half - 1];
			this.values[kept] = this.values[half - 1];
			kept++;
		}
		System.arraycopy(this.times, half, this.times, kept, this.size - half);
		System.arraycopy(this.values, half, this.values, kept, this.size - half);
		this.size = kept + (this.size - half);
	}

	public int size() {
		return this.size;
	}

	public void clear() {
		this.size = 0;
	}

	/**
	 * The points from a moment on.
	 * @param fromMillis the earliest time to include
	 * @return a copy of the points, oldest first
	 */
	public List<Point> since(long fromMillis) {
		List<Point> points = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			if (this.times[i] >= fromMillis) {
				points.add(new Point(this.times[i], this.values[i]));
			}
		}
		return points;
	}

	public List<Point> points() {
		return since(Long.MIN_VALUE);
	}

}
