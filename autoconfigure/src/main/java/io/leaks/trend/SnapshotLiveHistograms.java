package io.leaks.trend;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.Snapshots;

/**
 * Live histograms through the starter's {@link Snapshots}, so each one goes through the
 * same guard as a user's snapshot (one heap operation at a time) and is never stored.
 */
public final class SnapshotLiveHistograms implements LiveHistograms {

	/** The label of the watch's histograms, which are never stored. */
	public static final String LABEL = "leaks-trend";

	private final Snapshots snapshots;

	public SnapshotLiveHistograms(Snapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public boolean isAvailable() {
		return this.snapshots.isAvailable();
	}

	@Override
	public ClassHistogram capture() {
		// LeakWatch counts its own live histograms (its budget sees them wherever they come from).
		return this.snapshots.capture(LABEL, true, null).histogram();
	}

}
