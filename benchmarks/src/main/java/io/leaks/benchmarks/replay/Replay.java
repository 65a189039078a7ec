package io.leaks.benchmarks.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.leaks.autoconfigure.LeaksProperties;
import io.leaks.autoconfigure.LeaksTrendAutoConfiguration;
import io.leaks.trace.Trace;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.GcNotification;
import io.leaks.trend.LeakClearedEvent;
import io.leaks.trend.LeakSuspectedEvent;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.Suspect;
import io.leaks.trend.TrendReport;
import io.leaks.trend.WatchSettings;

/**
 * Replays one trace through the production path: every recorded collection goes, in time
 * order, into the same {@link GcEventRecorder} the JVM's notifications feed, and the same
 * {@link LeakWatch} judges at every tick on the trace's clock, with the recorded memory
 * samples and {@link SimulatedHistograms simulated live histograms}.
 * <p>
 * Where the replay judges at the recorded judgements and the trace tells which collections
 * each of them had seen ({@link Trace#seenAtTicks()}), those go in before it, in the order
 * they arrived: a notification can arrive after the next judgement began (the JVM's
 * notification thread on a loaded machine), and a verdict near one of its thresholds can
 * turn on one young collection more or less.
 * <p>
 * The live histograms the recording starter took for itself (rounds to confirm or to name
 * suspects) forced full collections of their own. Those collections are left out of the
 * feed: the replayed watch forces its own where it asks for histograms, and the recorded
 * histograms answer them when they are near.
 */
public final class Replay {

	/** The least time a recorded histogram may be from a replayed request and still answer it. */
	static final long MATCH_WITHIN_MILLIS = 5_000;

	/** How far before its record a histogram's own collection may have ended. */
	private static final long OWN_COLLECTION_SLACK_MILLIS = 2000;

	private Replay() {
	}

	/**
	 * Replays a trace.
	 * @param trace the trace
	 * @param trend the trend settings to judge with
	 * @return what the watch did
	 */
	public static Outcome run(Trace trace, LeaksProperties.Trend trend) {
		WatchSettings settings = LeaksTrendAutoConfiguration.settings(trend);
		AtomicLong clock = new AtomicLong(trace.startMillis());
		// Within a judgement the clock stays at its start, as the live run's did, except
		// where a recorded histogram that answers ended before the next judgement: the live
		// run took it at this one, and spaced its round and timed its floors by its end.
		AtomicLong nextTick = new AtomicLong(Long.MIN_VALUE);
		GcHistory history = new GcHistory(trend.getHistorySize());
		GcEventRecorder recorder = new GcEventRecorder(history, trend.getHistorySize());
		long interval = settings.interval().toMillis();
		// A recorded histogram answers a request within one interval of it (at least
		// MATCH_WITHIN: on a short interval a replayed suspicion may come a few ticks from
		// the live one, and a live histogram on a loaded machine takes seconds); otherwise
		// the next whole-heap collection within the longest spacing a round uses.
		List<GcNotification> feed = withoutOwnCollections(trace);
		List<GcNotification> own = new ArrayList<>(trace.collections());
		own.removeAll(feed);
		SimulatedHistograms histograms = new SimulatedHistograms(trace, own, Math.max(interval, MATCH_WITHIN_MILLIS),
				Math.max(interval, settings.analysis().minEvidence().toMillis() * 2), clock::get,
				(taken) -> {
					if (taken < nextTick.get()) {
						clock.accumulateAndGet(taken, Math::max);
					}
				}, recorder::record);
		List<Event> events = new ArrayList<>();
		LeakWatch watch = LeakWatch.builder(settings, history)
			.memory(new RecordedMemory(trace))
			.histograms(histograms)
			.publisher((event) -> events.add(Event.of(clock.get(), event)))
			.clock(clock::get, 0)
			.historySize(trend.getHistorySize())
			.build();
		List<Long> ticks = ticks(trace, trend);
		boolean asRecorded = judgesAsRecorded(trace, trend);
		int[] due = due(trace, feed, ticks, asRecorded);
		List<Tick> timeline = new ArrayList<>(ticks.size());
		Map<String, Long> firstLeak = new LinkedHashMap<>();
		int next = 0;
		for (int i = 0; i < ticks.size(); i++) {
			long tick = ticks.get(i);
			nextTick.set(!asRecorded ? Long.MIN_VALUE : (i + 1 < ticks.size()) ? ticks.get(i + 1) : Long.MAX_VALUE);
			while (next < due[i]) {
				recorder.record(feed.get(next++));
			}
			clock.set(tick);
			watch.tick();
			TrendReport report = watch.report();
			Map<String, String> statuses = new LinkedHashMap<>();
			for (TrendReport.ResourceState resource : report.resources()) {
				statuses.put(resource.resource(), resource.status().name());
				if (resource.leak()) {
					firstLeak.putIfAbsent(resource.resource(), tick);
				}
			}
			timeline.add(new Tick(tick, statuses, report.heap().verdict().finding().name(),
					report.heap().verdict().reason()));
		}
		return new Outcome(timeline, firstLeak, events, histograms.forcedAt(),
				Map.of(SimulatedHistograms.Source.RECORDED, histograms.answers(SimulatedHistograms.Source.RECORDED),
						SimulatedHistograms.Source.NEXT_WHOLE_HEAP,
						histograms.answers(SimulatedHistograms.Source.NEXT_WHOLE_HEAP),
						SimulatedHistograms.Source.NONE, histograms.answers(SimulatedHistograms.Source.NONE)),
				watch.report());
	}

	/**
	 * The judgement times: the recorded ticks when the trace was recorded at the same
	 * interval (so a replay judges exactly when the live run did), else one every interval
	 * of the trace's own time.
	 */
	static List<Long> ticks(Trace trace, LeaksProperties.Trend trend) {
		long interval = trend.getInterval().toMillis();
		if (judgesAsRecorded(trace, trend)) {
			return trace.ticks();
		}
		List<Long> ticks = new ArrayList<>();
		long end = trace.endMillis();
		for (long at = trace.startMillis() + interval; at <= end; at += interval) {
			ticks.add(at);
		}
		return ticks;
	}

	/**
	 * How many of the feed's collections each judgement has seen: those that had arrived
	 * by it where the trace tells (a notification can lag its collection's end on a loaded
	 * machine), else those that had ended by it.
	 */
	private static int[] due(Trace trace, List<GcNotification> feed, List<Long> ticks, boolean asRecorded) {
		int[] due = new int[ticks.size()];
		boolean arrivals = asRecorded && trace.seenAtTicks().size() == ticks.size();
		int fed = 0;
		int read = 0;
		for (int i = 0; i < ticks.size(); i++) {
			if (arrivals) {
				// The feed keeps the trace's order, leaving out the live run's own collections.
				for (; read < Math.min(trace.seenAtTicks().get(i), trace.collections().size()); read++) {
					if (fed < feed.size() && feed.get(fed) == trace.collections().get(read)) {
						fed++;
					}
				}
			}
			else {
				while (fed < feed.size() && feed.get(fed).endMillis() <= ticks.get(i)) {
					fed++;
				}
			}
			due[i] = fed;
		}
		return due;
	}

	/** Whether the trace recorded its judgements at the interval the replay judges at. */
	private static boolean judgesAsRecorded(Trace trace, LeaksProperties.Trend trend) {
		return !trace.ticks().isEmpty() && trace.meta("settings.interval", "").equals(trend.getInterval().toString());
	}

	static List<GcNotification> withoutOwnCollections(Trace trace) {
		List<Trace.Histogram> own = trace.histograms()
			.stream()
			.filter((histogram) -> histogram.live() && !histogram.purpose().equals("snapshot"))
			.toList();
		if (own.isEmpty()) {
			return trace.collections();
		}
		List<GcNotification> kept = new ArrayList<>(trace.collections().size());
		for (GcNotification collection : trace.collections()) {
			if (!ownCollection(collection, own)) {
				kept.add(collection);
			}
		}
		return kept;
	}

	private static boolean ownCollection(GcNotification collection, List<Trace.Histogram> own) {
		for (Trace.Histogram histogram : own) {
			if (forcedBy(collection, histogram)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a collection is the one a live histogram forced. */
	static boolean forcedBy(GcNotification collection, Trace.Histogram histogram) {
		if (!collection.cause().equals("Heap Inspection Initiated GC")) {
			return false;
		}
		long from = histogram.atMillis() - histogram.durationMillis() - OWN_COLLECTION_SLACK_MILLIS;
		return collection.endMillis() >= from && collection.endMillis() <= histogram.atMillis();
	}

	/**
	 * The statuses after one judgement.
	 *
	 * @param atMillis when
	 * @param statuses each resource's status
	 * @param heapFinding the heap's finding
	 * @param heapReason the heap's verdict in a sentence
	 */
	public record Tick(long atMillis, Map<String, String> statuses, String heapFinding, String heapReason) {

	}

	/**
	 * An event the replayed watch published.
	 *
	 * @param atMillis when
	 * @param type {@code LeakSuspected} or {@code LeakCleared}
	 * @param resource the resource
	 * @param suspects the suspects' class names
	 */
	public record Event(long atMillis, String type, String resource, List<String> suspects) {

		static Event of(long at, Object event) {
			if (event instanceof LeakSuspectedEvent suspected) {
				return new Event(at, "LeakSuspected", suspected.getResource(),
						suspected.getSuspects().stream().map(Suspect::className).toList());
			}
			if (event instanceof LeakClearedEvent cleared) {
				return new Event(at, "LeakCleared", cleared.getResource(), List.of());
			}
			return new Event(at, event.getClass().getSimpleName(), "", List.of());
		}

	}

	/**
	 * What a replay did.
	 *
	 * @param timeline the statuses after every judgement
	 * @param firstLeak when each resource first entered the leak state
	 * @param events the events published
	 * @param forcedAt when the replayed watch forced a collection (a live histogram)
	 * @param answers what answered its live histograms
	 * @param last the report after the last judgement
	 */
	public record Outcome(List<Tick> timeline, Map<String, Long> firstLeak, List<Event> events, List<Long> forcedAt,
			Map<SimulatedHistograms.Source, Integer> answers, TrendReport last) {

		/**
		 * When the resource first entered the leak state.
		 * @param resource the resource
		 * @return milliseconds since the JVM started, or -1
		 */
		public long firstLeakMillis(String resource) {
			return this.firstLeak.getOrDefault(resource, -1L);
		}

		/**
		 * When any resource first entered the leak state.
		 * @return milliseconds since the JVM started, or -1
		 */
		public long firstAnyLeakMillis() {
			return this.firstLeak.values().stream().mapToLong(Long::longValue).min().orElse(-1);
		}

	}

}
