package io.leaks.histogram;

import java.time.Duration;
import java.time.Instant;

/**
 * A labelled class histogram, the JVM counterpart of a {@code tracemalloc} snapshot.
 *
 * @param label the user's name for the moment it was taken ({@code after_startup})
 * @param takenAt when it was taken
 * @param liveOnly whether only live objects were counted (which costs a full GC)
 * @param duration how long taking and parsing the histogram took
 * @param histogram the histogram
 */
public record HistogramSnapshot(String label, Instant takenAt, boolean liveOnly, Duration duration,
		ClassHistogram histogram) {

}
