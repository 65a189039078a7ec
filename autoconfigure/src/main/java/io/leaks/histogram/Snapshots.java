package io.leaks.histogram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.ForcedCollections;
import org.jspecify.annotations.Nullable;

/**
 * Takes labelled snapshots and keeps them in the {@link SnapshotStore}. Every histogram
 * stops the world to walk the heap (a live one runs a full collection first), so each goes
 * through the {@link CollectionGuard}: one at a time.
 */
public final class Snapshots {

	private final HistogramSampler sampler;

	private final SnapshotStore store;

	private final CollectionGuard guard;

	private final Clock clock;

	private final List<Consumer<HistogramSnapshot>> listeners = new CopyOnWriteArrayList<>();

	public Snapshots(HistogramSampler sampler, SnapshotStore store, CollectionGuard guard, Clock clock) {
		this.sampler = sampler;
		this.store = store;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Adds a listener that sees every snapshot taken, stored or not.
	 * @param listener the listener; it must be quick and must not throw
	 */
	public void addListener(Consumer<HistogramSnapshot> listener) {
		this.listeners.add(listener);
	}

	public SnapshotStore store() {
		return this.store;
	}

	public boolean isAvailable() {
		return this.sampler.isAvailable();
	}

	/**
	 * Takes a snapshot without storing it.
	 * @param label the label to give it
	 * @param liveOnly whether to count live objects only (forces a full collection)
	 * @return the snapshot
	 * @throws HistogramUnavailableException if this JVM cannot produce histograms
	 * @throws CollectionGuard.CollectionInProgressException if the snapshot is refused
	 * because another heap operation runs
	 */
	public HistogramSnapshot capture(String label, boolean liveOnly) {
		return capture(label, liveOnly, liveOnly ? ForcedCollections.Reason.SNAPSHOT : null);
	}

	/**
	 * Takes a snapshot without storing it, counting the full collection a live one forces
	 * as given.
	 * @param label the label to give it
	 * @param liveOnly whether to count live objects only (forces a full collection)
	 * @param forcedFor why, or {@code null} when the caller counts it itself
	 * @return the snapshot
	 */
	public HistogramSnapshot capture(String label, boolean liveOnly, ForcedCollections.@Nullable Reason forcedFor) {
		return this.guard.run(liveOnly ? forcedFor : null, () -> sample(label, liveOnly));
	}

	/**
	 * Takes a snapshot and stores it.
	 * @param label the label, already validated
	 * @param liveOnly whether to count live objects only
	 * @return the snapshot and what was evicted to make room, or not added if the label
	 * was taken meanwhile
	 */
	public Taken take(String label, boolean liveOnly) {
		HistogramSnapshot snapshot = capture(label, liveOnly);
		return new Taken(snapshot, this.store.add(snapshot));
	}

	private HistogramSnapshot sample(String label, boolean liveOnly) {
		long start = System.nanoTime();
		ClassHistogram histogram = this.sampler.sample(liveOnly);
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		HistogramSnapshot snapshot = new HistogramSnapshot(label, this.clock.instant(), liveOnly, duration, histogram);
		this.listeners.forEach((listener) -> listener.accept(snapshot));
		return snapshot;
	}

	/**
	 * A snapshot just taken.
	 *
	 * @param snapshot the snapshot
	 * @param result whether it was stored and which snapshots were evicted
	 */
	public record Taken(HistogramSnapshot snapshot, SnapshotStore.Added result) {

	}

}
