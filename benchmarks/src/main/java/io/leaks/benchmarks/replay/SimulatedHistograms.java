package io.leaks.benchmarks.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import io.leaks.histogram.ClassHistogram;
import io.leaks.trace.Trace;
import io.leaks.trend.CollectionKind;
import io.leaks.trend.GcNotification;
import io.leaks.trend.LiveHistograms;
import org.jspecify.annotations.Nullable;

/**
 * Live histograms in a replay. A histogram asked for at time t answers with the live
 * histogram the trace recorded nearest t (within a tolerance, each used once), or else
 * with the floor the next whole-heap collection of the trace reveals (within a look-ahead;
 * a total without classes), or else fails as a round in production fails. Each answer
 * counts as a forced full collection; one answered from a recorded histogram is fed to
 * the recorder as one (the recorded run's own was left out of the feed), one answered from
 * a later collection is not (that collection is fed at its own time).
 */
final class SimulatedHistograms implements LiveHistograms {

	private final List<Trace.Histogram> recorded;

	private final List<GcNotification> wholeHeap;

	private final boolean[] used;

	private final long tolerance;

	private final long lookahead;

	private final LongSupplier clock;

	private final LongConsumer taken;

	private final Consumer<GcNotification> collections;

	private final GcNotification template;

	private final Map<Source, Integer> answers = new EnumMap<>(Source.class);

	private final List<GcNotification> own;

	private final List<Long> forcedAt = new ArrayList<>();

	/**
	 * Creates the simulation.
	 * @param trace the trace
	 * @param own the full collections the recorded run's own live histograms forced (left
	 * out of the feed): a recorded histogram that answers feeds its own collection, as the
	 * live run saw it, rather than one made up from its total
	 * @param tolerance how far from the request a recorded histogram may be
	 * @param lookahead how far after the request a whole-heap collection may be
	 * @param clock the replay's clock
	 * @param taken told when a recorded histogram that answers was taken (it ended): the
	 * live run's clock had moved on by then, and a replay judging at the recorded judgements
	 * moves its own there when the live run took it at the same one
	 * @param collections where the forced collection of each answer goes
	 */
	SimulatedHistograms(Trace trace, List<GcNotification> own, long tolerance, long lookahead, LongSupplier clock,
			LongConsumer taken, Consumer<GcNotification> collections) {
		this.own = List.copyOf(own);
		this.recorded = trace.histograms().stream().filter(Trace.Histogram::live).toList();
		this.used = new boolean[this.recorded.size()];
		this.wholeHeap = trace.collections()
			.stream()
			.filter((collection) -> CollectionKind.of(collection).wholeHeap())
			.toList();
		this.tolerance = tolerance;
		this.lookahead = lookahead;
		this.clock = clock;
		this.taken = taken;
		this.collections = collections;
		this.template = template(trace);
		for (Source source : Source.values()) {
			this.answers.put(source, 0);
		}
	}

	private static GcNotification template(Trace trace) {
		for (GcNotification collection : trace.collections()) {
			if (CollectionKind.of(collection) == CollectionKind.FULL) {
				return collection;
			}
		}
		List<GcNotification> all = trace.collections();
		return all.isEmpty() ? new GcNotification("GC", "end of major GC", "", 0, 0, 0, List.of())
				: all.get(all.size() - 1);
	}

	@Override
	public boolean isAvailable() {
		return true;
	}

	@Override
	public ClassHistogram capture() {
		long now = this.clock.getAsLong();
		int best = -1;
		for (int i = 0; i < this.recorded.size(); i++) {
			long distance = distance(this.recorded.get(i), now);
			if (!this.used[i] && distance <= this.tolerance
					&& (best < 0 || distance < distance(this.recorded.get(best), now))) {
				best = i;
			}
		}
		if (best >= 0) {
			this.used[best] = true;
			Trace.Histogram histogram = this.recorded.get(best);
			this.taken.accept(histogram.atMillis());
			GcNotification forced = ownCollection(histogram);
			if (forced != null) {
				this.answers.merge(Source.RECORDED, 1, Integer::sum);
				this.forcedAt.add(now);
				this.collections.accept(forced);
				return histogram.toHistogram();
			}
			return answer(Source.RECORDED, histogram.toHistogram(), now);
		}
		for (GcNotification collection : this.wholeHeap) {
			if (collection.endMillis() >= now && collection.endMillis() <= now + this.lookahead) {
				// That collection is in the feed already, at its own time: feeding a copy at
				// the request's time would count one floor twice.
				this.answers.merge(Source.NEXT_WHOLE_HEAP, 1, Integer::sum);
				this.forcedAt.add(now);
				return new ClassHistogram(List.of(), -1, collection.usedAfter());
			}
		}
		this.answers.merge(Source.NONE, 1, Integer::sum);
		throw new IllegalStateException("the trace holds no live histogram and no whole-heap collection near "
				+ now + " ms");
	}

	/**
	 * How far a request is from the time a recorded histogram was being taken: a histogram
	 * is recorded when it ends, and on a busy JVM its collection and heap walk take longer
	 * than an interval, so the request that asked for it was that much earlier.
	 */
	private static long distance(Trace.Histogram histogram, long now) {
		long start = histogram.atMillis() - histogram.durationMillis();
		return Math.max(0, Math.max(start - now, now - histogram.atMillis()));
	}

	private @Nullable GcNotification ownCollection(Trace.Histogram histogram) {
		GcNotification found = null;
		for (GcNotification collection : this.own) {
			if (Replay.forcedBy(collection, histogram)) {
				found = collection;
			}
		}
		return found;
	}

	private ClassHistogram answer(Source source, ClassHistogram histogram, long now) {
		this.answers.merge(source, 1, Integer::sum);
		this.forcedAt.add(now);
		this.collections.accept(forcedCollection(now, histogram.totalBytes()));
		return histogram;
	}

	/**
	 * The full collection a live histogram forces: the whole heap left in the pool that
	 * the trace's full collections leave fullest (the old generation).
	 */
	private GcNotification forcedCollection(long now, long live) {
		List<GcNotification.PoolUsage> pools = new ArrayList<>();
		List<GcNotification.PoolUsage> shape = this.template.pools();
		int fullest = 0;
		for (int i = 1; i < shape.size(); i++) {
			fullest = (shape.get(i).usedAfter() > shape.get(fullest).usedAfter()) ? i : fullest;
		}
		for (int i = 0; i < shape.size(); i++) {
			GcNotification.PoolUsage pool = shape.get(i);
			long after = (i == fullest) ? live : 0;
			pools.add(new GcNotification.PoolUsage(pool.pool(), Math.max(after, pool.usedBefore()),
					pool.committedBefore(), after, pool.committedAfter(), pool.max()));
		}
		String collector = (CollectionKind.of(this.template) == CollectionKind.FULL) ? this.template.collector()
				: "replayed live histogram";
		return new GcNotification(collector, "end of major GC", "Heap Inspection Initiated GC", now, now, 0, pools);
	}

	int answers(Source source) {
		return this.answers.get(source);
	}

	List<Long> forcedAt() {
		return List.copyOf(this.forcedAt);
	}

	/**
	 * What answered a histogram.
	 */
	enum Source {

		/** A live histogram the trace recorded. */
		RECORDED,

		/** The floor of the trace's next whole-heap collection. */
		NEXT_WHOLE_HEAP,

		/** Nothing: the round failed. */
		NONE

	}

}
