package io.leaks.workloads.soak;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one service of a soak did, as measured.
 *
 * @param run the run
 * @param watchedSeconds how long it ran after its load started
 * @param firstEventSeconds seconds from the load's start to the first LeakSuspectedEvent, or -1
 * @param firstEventResource what that event was about
 * @param firstEventSuspects the suspects it named
 * @param lead share of the time from the leak's start to exhaustion still ahead at the first
 * event, or {@code null} where the heap was not exhausted
 * @param finalStatus each resource's last verdict, such as {@code heap=LEAK_SUSPECTED}
 * @param forcedFromLog forced full collections in the GC log
 * @param forcedInTrace collections with a forced cause in the trace
 * @param outOfMemory whether the service ran out of memory (an OutOfMemoryError or the
 * workload's {@code exhausted} mark)
 */
public record SoakResult(SoakRun run, long watchedSeconds, long firstEventSeconds, String firstEventResource,
		List<String> firstEventSuspects, @Nullable Double lead, String finalStatus, int forcedFromLog,
		int forcedInTrace, boolean outOfMemory) {

	/** Issue 9's bound: a leak at its documented rate is named within this many seconds. */
	public static final long NAMED_WITHIN_SECONDS = 600;

	/** Issue 9's budget of forced collections on a healthy service in 45 minutes. */
	public static final int FORCED_BUDGET = 3;

	public SoakResult {
		firstEventSuspects = List.copyOf(firstEventSuspects);
	}

	/**
	 * Whether the service did what issue 9 asks of it.
	 * @return {@code ok}, or what went wrong
	 */
	public String outcome() {
		if (!this.run.expectLeak()) {
			if (this.firstEventSeconds >= 0) {
				return "FALSE ALARM";
			}
			return (this.forcedFromLog > FORCED_BUDGET) ? "over forced budget" : "ok";
		}
		if (this.firstEventSeconds < 0) {
			return "MISSED";
		}
		if (this.run.suspect() != null && !this.firstEventSuspects.contains(this.run.suspect())) {
			return "NOT NAMED";
		}
		return (this.firstEventSeconds <= NAMED_WITHIN_SECONDS) ? "ok" : "LATE";
	}

}
