package io.leaks.actuate;

import java.time.Instant;
import java.util.List;

import io.leaks.histogram.HistogramEntry;
import io.leaks.histogram.JdkClasses;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/snapshots/{label}}: the largest classes of a snapshot.
 *
 * @param label the label
 * @param takenAt when it was taken
 * @param liveOnly whether only live objects were counted
 * @param classCount classes in the histogram
 * @param totalInstances instances of all classes
 * @param totalBytes bytes of all classes
 * @param top how many rows were asked for
 * @param classes the largest classes by bytes
 */
public record SnapshotDetail(String label, Instant takenAt, boolean liveOnly, int classCount, long totalInstances,
		long totalBytes, int top, List<ClassRow> classes) implements OperationResponseBody {

	/**
	 * One class.
	 *
	 * @param className the name as the JVM prints it ({@code [B})
	 * @param displayName the name as Java source writes it ({@code byte[]})
	 * @param module the module, if any
	 * @param instances instances
	 * @param bytes shallow bytes of all instances
	 * @param jdk whether it is a JDK class
	 */
	public record ClassRow(String className, String displayName, @Nullable String module, long instances, long bytes,
			boolean jdk) {

		static ClassRow of(HistogramEntry entry) {
			return new ClassRow(entry.className(), JdkClasses.displayName(entry.className()), entry.module(),
					entry.instances(), entry.bytes(), entry.jdk());
		}

	}

}
