package io.leaks.trace;

import java.util.List;
import java.util.Map;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import org.jspecify.annotations.Nullable;

/**
 * A trace read back: everything in time order as it was recorded.
 *
 * @param version the format version it was written in
 * @param meta facts about the JVM and the run, in the order written
 * @param collections every collection
 * @param samples the periodic memory samples
 * @param histograms the histograms taken
 * @param ticks when each judgement began (the time of its memory sample), one per judgement
 * that ended
 * @param seenAtTicks for each judgement, how many of the collections (in the order they
 * arrived) its heap verdict had seen: those recorded before the judgement's memory sample,
 * for a collection's notification may arrive after it ended; empty when the trace does
 * not tell
 * @param verdicts the verdicts recorded (at each change)
 * @param events the events published
 * @param marks annotations
 * @param end why the trace ended, or {@code null} if it just stops (the process died)
 */
public record Trace(int version, Map<String, String> meta, List<GcNotification> collections,
		List<MemorySample> samples, List<Histogram> histograms, List<Long> ticks, List<Integer> seenAtTicks,
		List<Verdict> verdicts, List<Event> events, List<Mark> marks, @Nullable String end) {

	public Trace {
		meta = Map.copyOf(meta);
		collections = List.copyOf(collections);
		samples = List.copyOf(samples);
		histograms = List.copyOf(histograms);
		ticks = List.copyOf(ticks);
		seenAtTicks = List.copyOf(seenAtTicks);
		verdicts = List.copyOf(verdicts);
		events = List.copyOf(events);
		marks = List.copyOf(marks);
	}

	/**
	 * A fact about the run.
	 * @param key the key
	 * @param fallback the value if it was not recorded
	 * @return the value
	 */
	public String meta(String key, String fallback) {
		return this.meta.getOrDefault(key, fallback);
	}

	/**
	 * The max heap: the one meta records, else the samples' max, else the largest
	 * committed heap a collection reported (a log converted without {@code -Xmx}).
	 * @return the max heap in bytes, or -1 if nothing says
	 */
	public long maxHeap() {
		String recorded = this.meta.get("heap.max");
		if (recorded != null && Long.parseLong(recorded) > 0) {
			return Long.parseLong(recorded);
		}
		for (MemorySample sample : this.samples) {
			if (sample.heapMax() > 0) {
				return sample.heapMax();
			}
		}
		long largest = -1;
		for (GcNotification collection : this.collections) {
			largest = Math.max(largest, collection.committedAfter());
		}
		return largest;
	}

	/**
	 * When the trace starts.
	 * @return the earliest time any record has, milliseconds since the JVM started
	 */
	public long startMillis() {
		long start = Long.MAX_VALUE;
		if (!this.collections.isEmpty()) {
			start = Math.min(start, this.collections.get(0).startMillis());
		}
		if (!this.samples.isEmpty()) {
			start = Math.min(start, this.samples.get(0).atMillis());
		}
		if (!this.ticks.isEmpty()) {
			start = Math.min(start, this.ticks.get(0));
		}
		return (start == Long.MAX_VALUE) ? 0 : start;
	}

	/**
	 * When the trace ends.
	 * @return the latest time any record has
	 */
	public long endMillis() {
		long end = 0;
		if (!this.collections.isEmpty()) {
			end = Math.max(end, this.collections.get(this.collections.size() - 1).endMillis());
		}
		if (!this.samples.isEmpty()) {
			end = Math.max(end, this.samples.get(this.samples.size() - 1).atMillis());
		}
		if (!this.ticks.isEmpty()) {
			end = Math.max(end, this.ticks.get(this.ticks.size() - 1));
		}
		for (Mark mark : this.marks) {
			end = Math.max(end, mark.atMillis());
		}
		return end;
	}

	/**
	 * A histogram as recorded: its larger classes and the totals of all.
	 *
	 * @param atMillis when it finished
	 * @param purpose why it was taken ({@code confirm}, {@code suspects}, {@code snapshot}, ...)
	 * @param live whether it counted live objects only (after a full collection)
	 * @param totalInstances instances of all classes
	 * @param totalBytes bytes of all classes
	 * @param classCount classes in the whole histogram
	 * @param durationMillis how long it took
	 * @param classes the classes kept, largest first
	 */
	public record Histogram(long atMillis, String purpose, boolean live, long totalInstances, long totalBytes,
			int classCount, long durationMillis, List<HistogramEntry> classes) {

		public Histogram {
			classes = List.copyOf(classes);
		}

		/**
		 * The histogram as the analysis takes it: the classes kept, with the totals of all.
		 * @return the histogram
		 */
		public ClassHistogram toHistogram() {
			return new ClassHistogram(this.classes, this.totalInstances, this.totalBytes);
		}

	}

	/**
	 * A verdict as recorded.
	 *
	 * @param atMillis when it was reached
	 * @param resource the resource
	 * @param status its status
	 * @param leak whether the resource was in the leak state
	 * @param basis the evidence it rests on
	 * @param growthPerMinute the fitted growth
	 * @param reason its sentence
	 */
	public record Verdict(long atMillis, String resource, String status, boolean leak, String basis,
			double growthPerMinute, String reason) {

	}

	/**
	 * An event as recorded.
	 *
	 * @param atMillis when it was published
	 * @param type {@code LeakSuspected}, {@code LeakCleared}, ...
	 * @param resource the resource
	 * @param suspects the suspects' class names
	 */
	public record Event(long atMillis, String type, String resource, List<String> suspects) {

		public Event {
			suspects = List.copyOf(suspects);
		}

	}

	/**
	 * An annotation.
	 *
	 * @param atMillis when
	 * @param text what
	 */
	public record Mark(long atMillis, String text) {

	}

}
