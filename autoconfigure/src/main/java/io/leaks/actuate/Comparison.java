package io.leaks.actuate;

import java.time.Instant;
import java.util.List;

import io.leaks.histogram.DiffRow;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.JdkClasses;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/compare}: which classes grew between two snapshots.
 *
 * @param from label of the earlier snapshot
 * @param to label of the later snapshot ({@code now} for a fresh one)
 * @param fromTakenAt when the earlier snapshot was taken
 * @param toTakenAt when the later snapshot was taken
 * @param sort {@code bytes} or {@code instances}
 * @param top how many rows were asked for
 * @param excludeJdk whether JDK classes were left out
 * @param filter the text class names had to contain (case-insensitive), if any
 * @param rows the biggest growers first
 * @param totals totals of both snapshots
 * @param classesAdded classes only in the later snapshot
 * @param classesRemoved classes only in the earlier snapshot
 * @param warnings things that make the comparison less exact
 */
public record Comparison(String from, String to, Instant fromTakenAt, Instant toTakenAt, String sort, int top,
		boolean excludeJdk, @Nullable String filter, List<Row> rows, HistogramDiff.Totals totals, int classesAdded, int classesRemoved,
		List<String> warnings) implements OperationResponseBody {

	/**
	 * One class that changed.
	 *
	 * @param className the name as the JVM prints it
	 * @param displayName the name as Java source writes it
	 * @param module the module, if any
	 * @param instancesFrom instances before
	 * @param instancesTo instances after
	 * @param instancesDelta instances gained (negative: lost)
	 * @param bytesFrom bytes before
	 * @param bytesTo bytes after
	 * @param bytesDelta bytes gained (negative: freed)
	 * @param jdk whether it is a JDK class (usually grows because something else holds it)
	 * @param ambiguous whether several classes of this name exist (different class
	 * loaders), so rows were paired by size rank
	 */
	public record Row(String className, String displayName, @Nullable String module, long instancesFrom,
			long instancesTo, long instancesDelta, long bytesFrom, long bytesTo, long bytesDelta, boolean jdk,
			boolean ambiguous) {

		static Row of(DiffRow row) {
			return new Row(row.className(), JdkClasses.displayName(row.className()), row.module(), row.instancesFrom(),
					row.instancesTo(), row.instancesDelta(), row.bytesFrom(), row.bytesTo(), row.bytesDelta(), row.jdk(),
					row.ambiguous());
		}

	}

}
