package io.leaks.actuate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.leaks.analysis.Analyses;
import io.leaks.analysis.Analysis;
import io.leaks.analysis.AnalysisException;
import io.leaks.histogram.DiffRow;
import io.leaks.histogram.DiffSort;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.SnapshotStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.util.Assert;

/**
 * Heap dump analyses in the analyzer's own JVM, who holds the suspect classes:
 * {@code /analyses} and {@code /analyses/{id}}. Without classes named, an analysis looks
 * at the latest suspected leak's suspects, or else at the application classes that grew
 * most in the latest snapshot comparison.
 */
public final class AnalysisOperations implements LeaksOperations {

	/** What {@code /analyses} answers while analysis is off. */
	static final String OFF = "Heap dump analysis is off in this application: it needs heap dumps and "
			+ "leaks.analysis.enabled=true (the default)";

	/** Classes an analysis looks at when none are named. */
	static final int DEFAULT_CLASSES = 5;

	private final Analyses analyses;

	private final Access access;

	private final Supplier<List<String>> suspects;

	private final Supplier<List<String>> growers;

	/**
	 * Creates the operations.
	 * @param analyses the analyses
	 * @param access the endpoint's access: only unrestricted callers are told where files
	 * are on the host
	 * @param suspects the latest suspected leak's classes, most suspicious first
	 * @param growers the application classes that grew most between the latest two
	 * snapshots
	 */
	public AnalysisOperations(Analyses analyses, Access access, Supplier<List<String>> suspects,
			Supplier<List<String>> growers) {
		Assert.notNull(analyses, "'analyses' must not be null");
		Assert.notNull(access, "'access' must not be null");
		Assert.notNull(suspects, "'suspects' must not be null");
		Assert.notNull(growers, "'growers' must not be null");
		this.analyses = analyses;
		this.access = access;
		this.suspects = suspects;
		this.growers = growers;
	}

	/**
	 * The application classes that grew most, by instances, between the latest snapshot
	 * and the one before it.
	 * @param store the snapshots
	 * @return a supplier of the classes, empty while there are fewer than two snapshots
	 */
	public static Supplier<List<String>> growers(SnapshotStore store) {
		return () -> store.latest()
			.flatMap((latest) -> store.before(latest.label())
				.map((before) -> HistogramDiff.between(before.histogram(), latest.histogram())
					.top(DiffSort.INSTANCES, DEFAULT_CLASSES, true)
					.stream()
					.filter((row) -> row.instancesDelta() > 0)
					.map(DiffRow::className)
					.toList()))
			.orElse(List.of());
	}

	AnalysisList list() {
		List<AnalysisView> views = refusable(this.analyses::list).stream()
			.map((analysis) -> view(analysis, false))
			.toList();
		return new AnalysisList(showsPaths() ? this.analyses.repository().directory().toString() : null, views,
				this.analyses.repository().maxCount(), this.analyses.isBusy(), this.analyses.settings().maxHeapBytes());
	}

	AnalysisView get(String id) {
		return view(refusable(() -> this.analyses.get(id)), true);
	}

	/**
	 * Starts an analysis of one dump, or a comparison of two.
	 * @param heapDump the dump to analyse, {@code latest} (the default) for the newest
	 * @param from the earlier dump of a comparison
	 * @param to the later dump of a comparison ({@code latest} by default)
	 * @param classes the classes to look at, separated by commas (a JSON array arrives
	 * joined so, {@link ClassListBodyAdvice}), or {@code null} for the suspects
	 * @return the queued analysis
	 */
	AnalysisView start(@Nullable String heapDump, @Nullable String from, @Nullable String to,
			@Nullable String classes) {
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
				? this.analyses.compare(from, (to != null) ? to : Analyses.LATEST, chosen.classes(), chosen.from())
				: this.analyses.analyse((heapDump != null) ? heapDump : Analyses.LATEST, chosen.classes(),
						chosen.from(), false));
		return view(started, true);
	}

	Deleted delete(String id) {
		Analysis deleted = refusable(() -> this.analyses.delete(id));
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
				+ "[\"com.example.OrderListener\"]}. Without them the analysis takes the suspects of the latest "
				+ "suspected leak or the application classes that grew between the latest two snapshots, and there "
				+ "are none yet");
	}

	private AnalysisView view(Analysis analysis, boolean detail) {
		AnalysisView view = AnalysisView.of(analysis, detail);
		return (showsPaths() || view.reason() == null) ? view : view.withReason(withoutPaths(view.reason()));
	}

	private boolean showsPaths() {
		return this.access == Access.UNRESTRICTED;
	}

	/** Analysis refusals become statuses here; the analysis package knows nothing of HTTP. */
	private <T> T refusable(Supplier<T> work) {
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
			String message = String.valueOf(ex.getMessage());
			throw new LeaksOperationException(status, showsPaths() ? message : withoutPaths(message));
		}
	}

	private String withoutPaths(String message) {
		Map<Path, String> directories = new LinkedHashMap<>();
		directories.put(this.analyses.repository().directory(), "leaks.analysis.directory");
		directories.put(this.analyses.dumpDirectory(), "leaks.heap-dump.directory");
		return HostPaths.hide(message, directories);
	}

	private record Chosen(List<String> classes, String from) {

	}

}
