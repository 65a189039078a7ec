package io.leaks.actuate;

import java.util.List;

import io.leaks.jvm.MemoryFigures;
import io.leaks.jvm.MemoryReport;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks}: the JVM's memory now and what this endpoint can do here.
 *
 * @param heap heap used, committed and max
 * @param nonHeap non-heap used, committed and max
 * @param pools each memory pool
 * @param collectors each collector's count and total time
 * @param pendingFinalization objects waiting for finalization
 * @param snapshots labels of the stored snapshots, oldest first
 * @param supports what this JVM and configuration allow
 * @param jvm which JVM this is
 */
public record LeaksOverview(MemoryFigures heap, MemoryFigures nonHeap, List<MemoryReport.Pool> pools,
		List<MemoryReport.Collector> collectors, int pendingFinalization, List<String> snapshots,
		Capabilities supports, Jvm jvm) implements OperationResponseBody {

	/**
	 * What works on this JVM.
	 *
	 * @param histograms whether class histograms (snapshots) are available
	 * @param heapDumps whether the JVM can write heap dumps
	 * @param tuning whether VM flags can be read and changed at runtime
	 * @param explicitGc whether {@code System.gc()} is honoured (not
	 * {@code -XX:+DisableExplicitGC})
	 * @param access the access granted to this endpoint ({@code READ_ONLY} unless
	 * {@code management.endpoint.leaks.access=unrestricted})
	 */
	public record Capabilities(boolean histograms, boolean heapDumps, boolean tuning, boolean explicitGc,
			String access) {

	}

	/**
	 * The running JVM.
	 *
	 * @param name VM name
	 * @param vendor VM vendor
	 * @param version runtime version
	 * @param uptimeMillis time since start
	 */
	public record Jvm(String name, String vendor, String version, long uptimeMillis) {

	}

}
