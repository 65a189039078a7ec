package io.leaks.workloads.library;

import java.util.List;
import java.util.Locale;

import io.leaks.trace.Trace;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import org.jspecify.annotations.Nullable;

/**
 * What a recorded workload trace shows, read from its marks, collections and samples: the
 * facts a label row and the soak's summary are made of.
 *
 * @param scenario the scenario's id, from its {@code scenario} mark
 * @param description what the scenario did, from the same mark
 * @param collector the collector family: G1, Parallel, Serial, ZGC, Shenandoah
 * @param jdk the Java version
 * @param maxHeap the max heap in bytes
 * @param startMillis the {@code start} mark, ms since the JVM started
 * @param endMillis the {@code end} mark, or the trace's last record
 * @param leakStartMillis the {@code leak-start} mark, or -1
 * @param leakStopMillis the {@code leak-stop} mark, or -1
 * @param exhaustedMillis the {@code exhausted} mark, or -1
 * @param heapFloorFirst the lowest heap after a collection in the first window after the start
 * @param heapFloorLast the lowest heap after a collection in the last window before the end
 * @param metaspaceFirst metaspace in use at the first sample after the start
 * @param metaspaceLast metaspace in use at the last sample
 * @param threadsFirst live threads at the first sample after the start
 * @param threadsLast live threads at the last sample
 * @param threadsMost the most live threads sampled
 */
public record TraceFacts(String scenario, String description, String collector, String jdk, long maxHeap,
		long startMillis, long endMillis, long leakStartMillis, long leakStopMillis, long exhaustedMillis,
		long heapFloorFirst, long heapFloorLast, long metaspaceFirst, long metaspaceLast, long threadsFirst,
		long threadsLast, long threadsMost) {

	/** The span at each end of a run in which the heap's floor is read, at most. */
	static final long WINDOW_MILLIS = 3 * 60_000;

	/** ...and at least, in short runs. */
	static final long SHORTEST_WINDOW_MILLIS = 10_000;

	/**
	 * Time before the end mark left out of the last window: the run drops what it holds right
	 * after the mark, and marks (the runtime's uptime) and collections (the collector's own
	 * clock) can disagree by a fraction of a second.
	 */
	static final long END_MARGIN_MILLIS = 2000;

	/**
	 * Reads the facts of a trace.
	 * @param trace the trace
	 * @return the facts
	 */
	public static TraceFacts of(Trace trace) {
		String scenario = "unknown";
		String description = "";
		long start = -1;
		long end = -1;
		long leakStart = -1;
		long leakStop = -1;
		long exhausted = -1;
		for (Trace.Mark mark : trace.marks()) {
			String text = mark.text();
			if (text.startsWith("scenario ")) {
				int colon = text.indexOf(':');
				scenario = text.substring("scenario ".length(), (colon > 0) ? colon : text.length()).trim();
				description = (colon > 0) ? text.substring(colon + 1).trim() : "";
			}
			switch (text) {
				case "start" -> start = firstOf(start, mark.atMillis());
				case "end" -> end = firstOf(end, mark.atMillis());
				case "leak-start" -> leakStart = firstOf(leakStart, mark.atMillis());
				case "leak-stop" -> leakStop = firstOf(leakStop, mark.atMillis());
				case "exhausted" -> exhausted = firstOf(exhausted, mark.atMillis());
				default -> {
				}
			}
		}
		if (start < 0) {
			start = trace.startMillis();
		}
		if (end < 0) {
			end = trace.endMillis();
		}
		List<MemorySample> samples = trace.samples().stream().filter((s) -> s.atMillis() >= 0).toList();
		MemorySample first = null;
		MemorySample last = null;
		long threadsMost = 0;
		for (MemorySample sample : samples) {
			if (first == null && sample.atMillis() >= start) {
				first = sample;
			}
			if (sample.atMillis() <= end) {
				last = sample;
			}
			threadsMost = Math.max(threadsMost, sample.liveThreads());
		}
		return new TraceFacts(scenario, description, collectorOf(trace.meta("collectors", "")),
				trace.meta("java.version", "?"), trace.maxHeap(), start, end, leakStart, leakStop, exhausted,
				floor(trace.collections(), start, start + window(start, end)),
				floor(trace.collections(), end - window(start, end), end - END_MARGIN_MILLIS),
				(first != null) ? first.metaspaceUsed() : -1, (last != null) ? last.metaspaceUsed() : -1,
				(first != null) ? first.liveThreads() : -1, (last != null) ? last.liveThreads() : -1, threadsMost);
	}

	private static long firstOf(long seen, long at) {
		return (seen >= 0) ? seen : at;
	}

	private static long window(long start, long end) {
		return Math.max(SHORTEST_WINDOW_MILLIS, Math.min(WINDOW_MILLIS, (end - start) / 5));
	}

	/**
	 * The lowest heap after a collection in a span; the pause notifications of ZGC and
	 * Shenandoah report no pool usage and are left out.
	 */
	private static long floor(List<GcNotification> collections, long from, long to) {
		long lowest = -1;
		for (GcNotification collection : collections) {
			if (collection.endMillis() >= from && collection.endMillis() <= to
					&& !collection.collector().endsWith("Pauses") && collection.usedAfter() > 0) {
				long used = collection.usedAfter();
				lowest = (lowest < 0) ? used : Math.min(lowest, used);
			}
		}
		return lowest;
	}

	/**
	 * The collector family from the collector beans' names.
	 * @param collectors the names, comma separated
	 * @return G1, Parallel, Serial, ZGC, Shenandoah, or the names
	 */
	static String collectorOf(String collectors) {
		if (collectors.contains("G1")) {
			return "G1";
		}
		if (collectors.contains("PS ")) {
			return "Parallel";
		}
		if (collectors.contains("Copy") || collectors.contains("MarkSweepCompact")) {
			return "Serial";
		}
		if (collectors.contains("ZGC")) {
			return "ZGC";
		}
		if (collectors.contains("Shenandoah")) {
			return "Shenandoah";
		}
		return collectors;
	}

	/**
	 * The run's length.
	 * @return seconds from the start mark to the end
	 */
	public double durationSeconds() {
		return (this.endMillis - this.startMillis) / 1000.0;
	}

	/**
	 * The heap's floor at both ends of the run, as people read it.
	 * @return for example {@code heap after collections 41 -> 212 MiB of 256 MiB}, or
	 * {@code null} when a window had no collection
	 */
	@Nullable String heapSentence() {
		if (this.heapFloorFirst < 0 || this.heapFloorLast < 0) {
			return null;
		}
		return String.format(Locale.ROOT, "lowest heap after a collection %d MiB in the first %d s, %d MiB in the "
				+ "last %d s, of %d MiB", this.heapFloorFirst >> 20, window(this.startMillis, this.endMillis) / 1000,
				this.heapFloorLast >> 20, window(this.startMillis, this.endMillis) / 1000, this.maxHeap >> 20);
	}

}
