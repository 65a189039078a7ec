package io.leaks.actuate;

import java.util.List;
import java.util.function.Supplier;

import io.leaks.analysis.Analyses;
import io.leaks.analysis.Analysis;
import io.leaks.analysis.AnalysisException;
import io.leaks.analysis.AnalysisOnSuspicion;
import io.leaks.histogram.DiffRow;
import io.leaks.histogram.DiffSort;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.SnapshotStore;
import io.leaks.trend.LeakWatch;
import org.jspecify.annotations.Nullable;

/**
 * {@code /actuator/leaks/analyses}: analyses of heap dumps in the analyzer's own JVM, who
 * holds the suspect classes. Without classes named, an analysis looks at the trend
 * analysis's suspects, or else at the application classes that grew most in the latest
 * snapshot comparison.
 */
final class AnalysisOperations {

	/** Classes an analysis looks at when none are named. */
	static final int DEFAULT_CLASSES = 5;

	private final @Nullable Analyses analyses;

	private final Supplier<List<String>> suspects;

	private final Supplier<List<String>> growers;

	/**
	 * Creates the operations.
	 * @param analyses the analyses, or {@code null} when analysis is off
	 * @param suspects the trend analysis's suspect classes, most suspicious first
	 * @param growers the application classes that grew most between the latest two
	 * snapshots
	 */
	AnalysisOperations(@Nullable Analyses analyses, Supplier<List<String>> suspects, Supplier<List<String>> growers) {
		this.analyses = analyses;
		this.suspects = suspects;
		this.growers = growers;
	}

	/**
	 * The operations with the default classes taken from the trend analysis and the
	 * snapshot store.
	 * @param analyses the analyses, or {@code null} when analysis is off
	 * @param watch the trend analysis, or {@code null} when it is off
	 * @param store the snapshots
	 * @return the operations
	 */
	static AnalysisOperations of(@Nullable Analyses analyses, @Nullable LeakWatch watch, SnapshotStore store) {
		Supplier<List<String>> suspects = () -> (watch != null)
				? AnalysisOnSuspicion.classes(watch.report().heap().suspects()) : List.of();
		Supplier<List<String>> growers = () -> store.latest()
			.flatMap((latest) -> store.before(latest.label())
				.map((before) -> HistogramDiff.between(before.histogram(), latest.histogram())
					.top(DiffSort.INSTANCES, DEFAULT_CLASSES, true)
					.stream()
					.filter((row) -> row.instancesDelta() > 0)
					.map(DiffRow::className)
					.toList()))
			.orElse(List.of());
		return new AnalysisOperations(analyses, suspects, growers);
	}

	AnalysisList list() {
		Analyses analyses = analyses();
		List<AnalysisView> views = refusable(analyses::list).stream()
			.map((analysis) -> AnalysisView.of(analysis, false))
			.toList();
		return new AnalysisList(analyses.repository().directory().toString(), views, analyses.repository().maxCount(),
				analyses.isBusy(), analyses.settings().maxHeapBytes());
	}

	AnalysisView get(String id) {
		return AnalysisView.of(refusable(() -> analyses().get(id)), true);
	}

	/**
	 * Starts an analysis of one dump, or a comparison of two.
	 * @param heapDump the dump to analyse, {@code latest} (the default) for the newest
	 * @param from the earlier dump of a comparison
	 * @param to the later dump of a comparison ({@code latest} by default)
	 * @param classes the classes to look at, separated by commas (a JSON array arrives
	 * joined so), or {@code null} for the suspects
	 * @return the queued analysis
	 */
	AnalysisView start(@Nullable String heapDump, @Nullable String from, @Nullable String to,
			@Nullable String classes) {
		Analyses analyses = analyses();
		if (heapDump != null && (from != null || to != null)) {
			throw LeaksOperationException.badRequest("Send either {\"heapDump\": \"latest\"} to analyse one dump or "
					+ "{\"from\": \"<dump>\", \"to\": \"<dump>\"} to compare two, not both");
		}
		if (to != null && from == null) {
			throw LeaksOperationException.badRequest("A comparison needs the earlier dump too: {\"from\": \"<dump>\", "
					+ "\"to\": \"" + to + "\"}; GET /actuator/leaks/heapdumps lists them");
		}
		Chosen chosen = choose(classes);
		Analysis started = refusable(() -> (from != null)
				? analyses.compare(from, (to != null) ? to : Analyses.LATEST, chosen.classes(), chosen.from())
				: analyses.analyse((heapDump != null) ? heapDump : Analyses.LATEST, chosen.classes(), chosen.from(),
						false));
		return AnalysisView.of(started, true);
	}

	Deleted delete(String id) {
		Analysis deleted = refusable(() -> analyses().delete(id));
		return new Deleted(deleted.id(), "Analysis '" + deleted.id() + "' deleted"
				+ (deleted.status().finished() ? "" : " (its analyzer was stopped)"));
	}

	private Chosen choose(@Nullable String classes) {
		if (classes != null && !classes.isBlank()) {
			return new Chosen(List.of(classes.split(",", -1)), "request");
		}
		List<String> suspected = this.suspects.get();
		if (!suspected.isEmpty()) {
			return new Chosen(suspected, "suspects");
		}
		List<String> grown = this.growers.get();
		if (!grown.isEmpty()) {
			return new Chosen(grown, "comparison");
		}
		throw LeaksOperationException.badRequest("Name the classes to analyse: {\"heapDump\": \"latest\", \"classes\": "
				+ "[\"com.example.OrderListener\"]}. Without them the analysis takes the trend analysis's suspects or "
				+ "the application classes that grew between the latest two snapshots, and there are none yet");
	}

	private Analyses analyses() {
		if (this.analyses == null) {
			throw LeaksOperationException.unavailable("Heap dump analysis is off in this application: it needs heap "
					+ "dumps and leaks.analysis.enabled=true (the default)");
		}
		return this.analyses;
	}

	/** Analysis refusals become statuses here; the analysis package knows nothing of HTTP. */
	private static <T> T refusable(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (AnalysisException ex) {
			int status = switch (ex.reason()) {
				case INVALID -> 400;
				case NOT_FOUND -> 404;
				case BUSY -> 429;
				case UNAVAILABLE -> 503;
			};
			throw new LeaksOperationException(status, ex.getMessage());
		}
	}

	private record Chosen(List<String> classes, String from) {

	}

}
