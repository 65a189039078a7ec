package io.leaks.benchmarks.replay;

import java.util.List;

import io.leaks.trace.Trace;
import io.leaks.trend.CollectionKind;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;

/**
 * The simple rules the analyzer is scored against, each returning when it first alarms
 * on a trace, in milliseconds since the JVM started, or -1. Each sees what a tool
 * watching the same JVM would: heap in use after every collection.
 */
final class Baselines {

	private static final long MB = 1024 * 1024;

	private Baselines() {
	}

	/**
	 * The popular Python guide's memory monitor: every 5 minutes, from the start of the
	 * trace, read the latest post-GC value; alarm when the last three readings strictly
	 * increased and grew by more than 50 MB.
	 */
	static long pythonGuide(Trace trace) {
		List<GcNotification> collections = trace.collections();
		if (collections.isEmpty()) {
			return -1;
		}
		long step = 5 * 60_000L;
		long[] readings = new long[3];
		int taken = 0;
		int next = 0;
		for (long at = collections.get(0).endMillis(); at <= trace.endMillis(); at += step) {
			while (next < collections.size() && collections.get(next).endMillis() <= at) {
				next++;
			}
			readings[0] = readings[1];
			readings[1] = readings[2];
			readings[2] = collections.get(next - 1).usedAfter();
			taken++;
			if (taken >= 3 && readings[0] < readings[1] && readings[1] < readings[2]
					&& readings[2] - readings[0] > 50 * MB) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * A least-squares line through the post-GC values of the last 10 minutes, every
	 * minute once 10 minutes are recorded: alarm when R² exceeds 0.7 and the slope fills
	 * the remaining capacity within 24 hours.
	 */
	static long leastSquares(Trace trace) {
		List<GcNotification> collections = trace.collections();
		long window = 10 * 60_000L;
		int first = 0;
		int next = 0;
		if (collections.isEmpty()) {
			return -1;
		}
		for (long at = collections.get(0).endMillis() + window; at <= trace.endMillis(); at += 60_000L) {
			while (next < collections.size() && collections.get(next).endMillis() <= at) {
				next++;
			}
			while (first < next && collections.get(first).endMillis() <= at - window) {
				first++;
			}
			Line line = Line.fit(collections.subList(first, next));
			if (line == null) {
				continue;
			}
			GcNotification last = collections.get(next - 1);
			double remaining = last.committedAfter() - last.usedAfter();
			if (line.r2 > 0.7 && line.slope > 0 && remaining / line.slope <= 24 * 3_600_000.0) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * JDK Mission Control's {@code IncreasingLiveSetRule}, as its documentation describes
	 * it: the least-squares slope of heap after every collection past warm-up (the moment
	 * loaded classes reach 90% of their most, or the starter's warm-up where the trace has
	 * no class counts), relative to the heap after the first collection past warm-up,
	 * mapped to a score that reaches 75 (a warning) at 1% a second; without any
	 * old-generation collection the score stays below 75. Judged every interval on what
	 * was recorded so far, as a rule run on a recording of that length.
	 */
	static long jmcIncreasingLiveSet(Trace trace, long warmupMillis, long intervalMillis) {
		List<GcNotification> collections = trace.collections();
		if (collections.isEmpty()) {
			return -1;
		}
		long postWarmup = postWarmup(trace, warmupMillis);
		boolean oldSeen = false;
		int next = 0;
		double n = 0;
		double st = 0;
		double sv = 0;
		double stt = 0;
		double stv = 0;
		double base = -1;
		for (long at = trace.startMillis() + intervalMillis; at <= trace.endMillis(); at += intervalMillis) {
			while (next < collections.size() && collections.get(next).endMillis() <= at) {
				GcNotification collection = collections.get(next++);
				oldSeen |= CollectionKind.of(collection).revealsFloor();
				if (collection.endMillis() >= postWarmup) {
					double t = collection.endMillis() - postWarmup;
					double v = collection.usedAfter();
					base = (base < 0) ? v : base;
					n++;
					st += t;
					sv += v;
					stt += t * t;
					stv += t * v;
				}
			}
			double denominator = n * stt - st * st;
			if (!oldSeen || n < 3 || base <= 0 || denominator <= 0) {
				continue;
			}
			double slope = (n * stv - st * sv) / denominator;
			double relativePerSecond = slope * 1000 / base;
			double score = 100 * (1 - Math.pow(0.25, relativePerSecond / 0.01));
			if (score >= 75) {
				return at;
			}
		}
		return -1;
	}

	private static long postWarmup(Trace trace, long warmupMillis) {
		long most = -1;
		for (MemorySample sample : trace.samples()) {
			most = Math.max(most, sample.loadedClasses());
		}
		if (most > 0) {
			for (MemorySample sample : trace.samples()) {
				if (sample.loadedClasses() >= 0.9 * most) {
					return sample.atMillis();
				}
			}
		}
		return trace.startMillis() + warmupMillis;
	}

	/**
	 * An ordinary least-squares line through heap after collections.
	 *
	 * @param slope bytes per millisecond
	 * @param r2 the coefficient of determination
	 */
	private record Line(double slope, double r2) {

		static Line fit(List<GcNotification> collections) {
			int n = collections.size();
			if (n < 3) {
				return null;
			}
			double meanT = 0;
			double meanV = 0;
			for (GcNotification collection : collections) {
				meanT += collection.endMillis();
				meanV += collection.usedAfter();
			}
			meanT /= n;
			meanV /= n;
			double stt = 0;
			double stv = 0;
			double svv = 0;
			for (GcNotification collection : collections) {
				double dt = collection.endMillis() - meanT;
				double dv = collection.usedAfter() - meanV;
				stt += dt * dt;
				stv += dt * dv;
				svv += dv * dv;
			}
			if (stt == 0 || svv == 0) {
				return null;
			}
			return new Line(stv / stt, (stv * stv) / (stt * svv));
		}

	}

}
