package io.leaks.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leaks.trend.Evidence;
import io.leaks.trend.GcEvent;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySample;
import io.leaks.trend.Point;
import io.leaks.trend.Projection;
import io.leaks.trend.Verdict;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/history}: the recorded series, for charts.
 *
 * @param samples memory sampled every interval, oldest first
 * @param collections the last collections: occupancy after each with its kind, and the
 * pause
 * @param floor occupancy after the collections that reached the old generation, the
 * whole record (older points thinned to the lower envelope)
 * @param trend the fitted heap trend, or {@code null} without one
 */
public record HistoryResponse(List<Sample> samples, List<PostGc> collections, List<Level> floor,
		@Nullable Trend trend) implements OperationResponseBody {

	static HistoryResponse of(LeakWatch watch, List<GcEvent> events) {
		List<Sample> samples = new ArrayList<>();
		for (MemorySample sample : watch.samples()) {
			samples.add(new Sample(watch.instant(sample.atMillis()), sample.heapUsed(), sample.heapCommitted(),
					sample.heapMax(), sample.metaspaceUsed(), sample.loadedClasses(), sample.liveThreads(),
					sample.directBytes(), sample.mappedBytes(), sample.residentBytes()));
		}
		List<PostGc> collections = new ArrayList<>();
		for (GcEvent event : events) {
			collections.add(new PostGc(watch.instant(event.atMillis()), event.collector(), event.kind().name(),
					event.cause(), event.durationMillis(), event.heapBefore(), event.heapAfter(),
					event.heapCommitted()));
		}
		List<Level> floor = new ArrayList<>();
		for (Point point : watch.gcHistory().snapshot().oldGeneration()) {
			floor.add(new Level(watch.instant(point.atMillis()), point.value()));
		}
		return new HistoryResponse(samples, collections, floor, Trend.of(watch.report().heap().shown(), watch));
	}

	/**
	 * One sample.
	 *
	 * @param at when
	 * @param heapUsed heap bytes in use (garbage included)
	 * @param heapCommitted heap bytes committed
	 * @param heapMax the max heap, or -1
	 * @param metaspaceUsed metaspace bytes in use, or -1
	 * @param loadedClasses classes loaded
	 * @param liveThreads live threads
	 * @param directBytes direct buffer bytes
	 * @param mappedBytes mapped buffer bytes
	 * @param residentBytes resident memory of the process, or -1
	 */
	public record Sample(Instant at, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
			long loadedClasses, long liveThreads, long directBytes, long mappedBytes, long residentBytes) {

	}

	/**
	 * One collection.
	 *
	 * @param at when it ended
	 * @param collector the collector
	 * @param kind {@code YOUNG}, {@code MIXED}, {@code FULL}, {@code CONCURRENT} or
	 * {@code OTHER}
	 * @param cause why it ran
	 * @param durationMillis the pause (or cycle) duration
	 * @param heapBefore heap bytes in use before
	 * @param heapAfter heap bytes in use after
	 * @param heapCommitted heap bytes committed after
	 */
	public record PostGc(Instant at, String collector, String kind, String cause, long durationMillis,
			long heapBefore, long heapAfter, long heapCommitted) {

	}

	/**
	 * A level at a moment.
	 *
	 * @param at when
	 * @param bytes bytes
	 */
	public record Level(Instant at, long bytes) {

	}

	/**
	 * The fitted heap trend: a line through the evidence, and where it meets the limit.
	 *
	 * @param basis what it was fitted to
	 * @param from the line's start
	 * @param to the line's end
	 * @param exhaustion where it reaches the limit, or {@code null}
	 */
	public record Trend(String basis, Level from, Level to, @Nullable Level exhaustion) {

		static @Nullable Trend of(Verdict verdict, LeakWatch watch) {
			Evidence evidence = verdict.evidence();
			if (evidence.points() == 0) {
				return null;
			}
			Projection projection = verdict.projection();
			return new Trend(evidence.basis().name(),
					new Level(watch.instant(evidence.fromMillis()), evidence.fittedFrom()),
					new Level(watch.instant(evidence.toMillis()), evidence.fittedTo()),
					(projection != null)
							? new Level(watch.instant(projection.exhaustionAtMillis()), projection.limit()) : null);
		}

	}

}
