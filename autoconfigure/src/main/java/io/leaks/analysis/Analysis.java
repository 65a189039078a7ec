package io.leaks.analysis;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One analysis, from the request to its result: what is kept on disk and listed. Each
 * change makes a new value.
 *
 * @param id its id ({@code a-20261201T103000123Z}), also its file name
 * @param status where it stands
 * @param step the step it is in while {@code RUNNING}
 * @param heapDump the dump analysed (for a comparison, the later one)
 * @param from for a comparison of two dumps, the earlier one
 * @param classes the classes looked at
 * @param classesFrom where the classes came from: {@code request}, {@code suspects} (the
 * trend analysis) or {@code comparison} (the latest snapshot diff)
 * @param automatic whether the starter started it itself (on a suspected leak)
 * @param requestedAt when it was asked for
 * @param startedAt when the analyzer started
 * @param finishedAt when it finished
 * @param reason why it failed
 * @param result the analysis of one dump
 * @param growth the comparison of two dumps
 * @param analyzer what the analyzer's JVM used
 */
public record Analysis(String id, AnalysisStatus status, @Nullable AnalysisStep step, String heapDump,
		@Nullable String from, List<String> classes, String classesFrom, boolean automatic, Instant requestedAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String reason,
		@Nullable HeapAnalysis result, @Nullable HeapGrowth growth, @Nullable AnalyzerFigures analyzer) {

	public Analysis {
		classes = List.copyOf(classes);
	}

	static Analysis queued(String id, String heapDump, @Nullable String from, List<String> classes,
			String classesFrom, boolean automatic, Instant now) {
		return new Analysis(id, AnalysisStatus.QUEUED, null, heapDump, from, classes, classesFrom, automatic, now, null,
				null, null, null, null, null);
	}

	Analysis running(AnalysisStep step, Instant now) {
		return new Analysis(this.id, AnalysisStatus.RUNNING, step, this.heapDump, this.from, this.classes,
				this.classesFrom, this.automatic, this.requestedAt, (this.startedAt != null) ? this.startedAt : now, null,
				null, null, null, null);
	}

	Analysis finished(AnalyzerOutcome outcome, Instant now) {
		AnalyzerOutput output = outcome.output();
		boolean done = outcome.succeeded() && output != null;
		return new Analysis(this.id, done ? AnalysisStatus.DONE : AnalysisStatus.FAILED, null, this.heapDump, this.from,
				this.classes, this.classesFrom, this.automatic, this.requestedAt, this.startedAt, now,
				done ? null : outcome.failure(), done ? output.analysis() : null, done ? output.growth() : null,
				(output != null) ? output.figures() : null);
	}

	Analysis failed(String reason, Instant now) {
		return new Analysis(this.id, AnalysisStatus.FAILED, null, this.heapDump, this.from, this.classes,
				this.classesFrom, this.automatic, this.requestedAt, this.startedAt, now, reason, null, null, null);
	}

	/**
	 * Whether it compares two dumps.
	 * @return {@code true} for a growth analysis
	 */
	public boolean comparison() {
		return this.from != null;
	}

}
