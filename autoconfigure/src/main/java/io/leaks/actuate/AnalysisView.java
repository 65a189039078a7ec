package io.leaks.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leaks.analysis.Analysis;
import io.leaks.analysis.AnalysisStatus;
import io.leaks.analysis.AnalysisStep;
import io.leaks.analysis.AnalysisText;
import io.leaks.analysis.AnalyzerFigures;
import io.leaks.analysis.HeapAnalysis;
import io.leaks.analysis.HeapGrowth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/analyses/{id}}, and each entry of the list (without the
 * result).
 *
 * @param id the analysis's id
 * @param status {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param step the step a running analysis is in
 * @param stepDescription that step in words
 * @param heapDump the dump analysed (for a comparison, the later one)
 * @param from for a comparison, the earlier dump
 * @param classes the classes looked at
 * @param classesFrom where they came from: {@code request}, {@code suspects} or
 * {@code comparison}
 * @param automatic whether the starter started it on a suspected leak
 * @param requestedAt when it was asked for
 * @param startedAt when the analyzer started
 * @param finishedAt when it finished
 * @param durationMillis how long it ran
 * @param reason why it failed (without the host's paths for read-only access)
 * @param summary the findings in words, one line per class
 * @param result the analysis of one dump (only in the detail)
 * @param growth the comparison of two dumps (only in the detail)
 * @param analyzer what the analyzer's JVM used
 */
public record AnalysisView(String id, AnalysisStatus status, @Nullable AnalysisStep step,
		@Nullable String stepDescription, String heapDump, @Nullable String from, List<String> classes,
		String classesFrom, boolean automatic, Instant requestedAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Long durationMillis, @Nullable String reason, List<String> summary,
		@Nullable HeapAnalysis result, @Nullable HeapGrowth growth, @Nullable AnalyzerFigures analyzer)
		implements OperationResponseBody {

	static AnalysisView of(Analysis analysis, boolean detail) {
		List<String> summary = (analysis.result() != null) ? AnalysisText.summary(analysis.result())
				: (analysis.growth() != null) ? AnalysisText.summary(analysis.growth()) : List.of();
		Long duration = (analysis.startedAt() != null && analysis.finishedAt() != null)
				? Duration.between(analysis.startedAt(), analysis.finishedAt()).toMillis() : null;
		return new AnalysisView(analysis.id(), analysis.status(), analysis.step(),
				(analysis.step() != null) ? analysis.step().description() : null, analysis.heapDump(), analysis.from(),
				analysis.classes(), analysis.classesFrom(), analysis.automatic(), analysis.requestedAt(),
				analysis.startedAt(), analysis.finishedAt(), duration, analysis.reason(), summary,
				detail ? analysis.result() : null, detail ? analysis.growth() : null, analysis.analyzer());
	}

	AnalysisView withReason(String reason) {
		return new AnalysisView(this.id, this.status, this.step, this.stepDescription, this.heapDump, this.from,
				this.classes, this.classesFrom, this.automatic, this.requestedAt, this.startedAt, this.finishedAt,
				this.durationMillis, reason, this.summary, this.result, this.growth, this.analyzer);
	}

}
