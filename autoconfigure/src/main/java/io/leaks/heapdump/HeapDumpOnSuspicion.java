package io.leaks.heapdump;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.leaks.trend.SuspicionAction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Writes a live heap dump when a leak is first suspected, while the evidence is still in
 * the heap, at most once per {@code minInterval}. The interval counts from the last
 * attempt, successful or not, so a full disk is not retried on every suspicion. The dump
 * is marked automatic, so that the retention it triggers never deletes a dump someone
 * took on purpose; the note names the dump and any older automatic dumps deleted. Never
 * throws: a refused or failed dump is logged and noted as nothing done.
 */
public final class HeapDumpOnSuspicion implements SuspicionAction {

	private static final Log logger = LogFactory.getLog(HeapDumpOnSuspicion.class);

	private final HeapDumps heapDumps;

	private final Duration minInterval;

	private final Clock clock;

	private @Nullable Instant lastAttempt;

	public HeapDumpOnSuspicion(HeapDumps heapDumps, Duration minInterval, Clock clock) {
		this.heapDumps = heapDumps;
		this.minInterval = minInterval;
		this.clock = clock;
	}

	@Override
	public @Nullable String onSuspicion(String resource) {
		Instant now = this.clock.instant();
		synchronized (this) {
			if (this.lastAttempt != null && now.isBefore(this.lastAttempt.plus(this.minInterval))) {
				logger.info("Leak suspected (" + resource + "), but the last automatic heap dump was at "
						+ this.lastAttempt + "; next one allowed after " + this.lastAttempt.plus(this.minInterval)
						+ " (leaks.heap-dump.min-interval)");
				return null;
			}
			this.lastAttempt = now;
		}
		try {
			HeapDumps.Taken taken = this.heapDumps.dumpAutomatically("suspected-" + resource);
			return "heap dump " + taken.dump().name() + (taken.deleted().isEmpty() ? ""
					: " (older automatic dumps deleted to stay within the limits: " + String.join(", ", taken.deleted())
							+ ")");
		}
		catch (RuntimeException ex) {
			logger.warn("Leak suspected (" + resource + "), but no heap dump was written: " + ex.getMessage());
			return null;
		}
	}

}
