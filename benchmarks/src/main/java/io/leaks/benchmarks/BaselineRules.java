package io.leaks.benchmarks;

import java.util.List;

import io.leaks.trend.HeapAfterGc;
import io.leaks.unit.ByteSize;

/**
 * The two simple rules the trend analyzer is measured against (issue 3), each returning
 * when it first alarms on a trace, in milliseconds after the trace starts, or -1.
 */
final class BaselineRules {

	private static final long MB = ByteSize.MIB;

	private BaselineRules() {
	}

	/**
	 * The popular Python guide's memory monitor: every 5 minutes, from the start of the
	 * trace, read the latest post-GC value; alarm when the last three readings strictly
	 * increased and grew by more than 50 MiB.
	 */
	static long pythonGuide(GcTrace trace) {
		List<HeapAfterGc> collections = trace.collections();
		long step = 5 * 60_000L;
		long[] readings = new long[3];
		int taken = 0;
		int next = 0;
		for (long at = trace.startMillis(); at <= trace.endMillis(); at += step) {
			while (next < collections.size() && collections.get(next).atMillis() <= at) {
				next++;
			}
			readings[0] = readings[1];
			readings[1] = readings[2];
			readings[2] = collections.get(next - 1).used();
			taken++;
			if (taken >= 3 && readings[0] < readings[1] && readings[1] < readings[2]
					&& readings[2] - readings[0] > 50 * MB) {
				return at - trace.startMillis();
			}
		}
		return -1;
	}

	/**
	 * A least-squares line through the post-GC values of the last 10 minutes, every
	 * minute once 10 minutes are recorded: alarm when R² exceeds 0.7 and the slope fills
	 * the remaining capacity within 24 hours.
	 */
	static long leastSquares(GcTrace trace) {
		List<HeapAfterGc> collections = trace.collections();
		long window = 10 * 60_000L;
		int first = 0;
		int next = 0;
		for (long at = trace.startMillis() + window; at <= trace.endMillis(); at += 60_000L) {
			while (next < collections.size() && collections.get(next).atMillis() <= at) {
				next++;
			}
			while (first < next && collections.get(first).atMillis() <= at - window) {
				first++;
			}
			int n = next - first;
			if (n < 3) {
				continue;
			}
			double meanT = 0;
			double meanV = 0;
			for (int i = first; i < next; i++) {
				meanT += collections.get(i).atMillis();
				meanV += collections.get(i).used();
			}
			meanT /= n;
			meanV /= n;
			double stt = 0;
			double stv = 0;
			double svv = 0;
			for (int i = first; i < next; i++) {
				double dt = collections.get(i).atMillis() - meanT;
				double dv = collections.get(i).used() - meanV;
				stt += dt * dt;
				stv += dt * dv;
				svv += dv * dv;
			}
			if (stt == 0 || svv == 0) {
				continue;
			}
			double slope = stv / stt;
			double r2 = (stv * stv) / (stt * svv);
			HeapAfterGc last = collections.get(next - 1);
			double remaining = last.committed() - last.used();
			if (r2 > 0.7 && slope > 0 && remaining / slope <= 24 * 3_600_000.0) {
				return at - trace.startMillis();
			}
		}
		return -1;
	}

}
