package io.leaks.actuate;

import java.util.List;

import io.leaks.gc.GcReport;
import io.leaks.jvm.MemoryFigures;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code POST /actuator/leaks/gc}.
 *
 * @param performed whether a collection was requested
 * @param explicitGcDisabled whether the JVM ignores {@code System.gc()}
 * @param concurrent whether the request started a concurrent cycle
 * @param heapBefore heap before
 * @param heapAfter heap after
 * @param freedBytes bytes freed
 * @param durationMillis how long it took
 * @param collections collections per collector during the request
 * @param message what happened, in a sentence
 */
public record GcResult(boolean performed, boolean explicitGcDisabled, boolean concurrent, MemoryFigures heapBefore,
		MemoryFigures heapAfter, long freedBytes, long durationMillis, List<GcReport.CollectorActivity> collections,
		String message) implements OperationResponseBody {

	static GcResult of(GcReport report) {
		return new GcResult(report.performed(), report.explicitGcDisabled(), report.concurrent(), report.heapBefore(),
				report.heapAfter(), report.freedBytes(), report.durationMillis(), report.collections(),
				report.message());
	}

}
