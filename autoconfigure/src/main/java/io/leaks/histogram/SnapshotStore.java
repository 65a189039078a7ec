package io.leaks.histogram;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps labelled snapshots in the order they were taken, at most {@code maxCount} of
 * them: adding one more evicts the oldest, and the caller is told which so it can say so.
 */
public final class SnapshotStore {

	private final int maxCount;

	private final LinkedHashMap<String, HistogramSnapshot> snapshots = new LinkedHashMap<>();

	public SnapshotStore(int maxCount) {
		if (maxCount < 1) {
			throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
		}
		this.maxCount = maxCount;
	}

	public int maxCount() {
		return this.maxCount;
	}

	/**
	 * Adds a snapshot unless its label is taken.
	 * @param snapshot the snapshot to keep
	 * @return what happened, with the labels evicted to make room
	 */
	public synchronized Added add(HistogramSnapshot snapshot) {
		if (this.snapshots.containsKey(snapshot.label())) {
			return new Added(false, List.of());
		}
		List<String> evicted = new ArrayList<>();
		Iterator<Map.Entry<String, HistogramSnapshot>> oldestFirst = this.snapshots.entrySet().iterator();
		while (this.snapshots.size() >= this.maxCount && oldestFirst.hasNext()) {
			evicted.add(oldestFirst.next().getKey());
			oldestFirst.remove();
		}
		this.snapshots.put(snapshot.label(), snapshot);
		return new Added(true, List.copyOf(evicted));
	}

	public synchronized boolean contains(String label) {
		return this.snapshots.containsKey(label);
	}

	public synchronized Optional<HistogramSnapshot> get(String label) {
		return Optional.ofNullable(this.snapshots.get(label));
	}

	/**
	 * The snapshot taken just before the given one (objgraph's {@code show_growth} compares
	 * against the previous call).
	 * @param label a stored label
	 * @return the previous snapshot, if the label is stored and not the oldest
	 */
	public synchronized Optional<HistogramSnapshot> before(String label) {
		HistogramSnapshot previous = null;
		for (HistogramSnapshot snapshot : this.snapshots.values()) {
			if (snapshot.label().equals(label)) {
				return Optional.ofNullable(previous);
			}
			previous = snapshot;
		}
		return Optional.empty();
	}

	public synchronized Optional<HistogramSnapshot> latest() {
		HistogramSnapshot latest = null;
		for (HistogramSnapshot snapshot : this.snapshots.values()) {
			latest = snapshot;
		}
		return Optional.ofNullable(latest);
	}

	public synchronized Optional<HistogramSnapshot> remove(String label) {
		return Optional.ofNullable(this.snapshots.remove(label));
	}

	/**
	 * All snapshots, oldest first.
	 * @return a copy of the stored snapshots
	 */
	public synchronized List<HistogramSnapshot> list() {
		return List.copyOf(this.snapshots.values());
	}

	public synchronized List<String> labels() {
		return List.copyOf(this.snapshots.keySet());
	}

	/**
	 * Result of {@link #add}.
	 *
	 * @param added whether the snapshot was stored ({@code false}: the label is taken)
	 * @param evicted labels of the snapshots evicted to stay within the maximum count
	 */
	public record Added(boolean added, List<String> evicted) {

	}

}
