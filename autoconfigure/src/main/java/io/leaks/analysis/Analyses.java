package io.leaks.analysis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpException;
import io.leaks.heapdump.HeapDumpRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Analyses heap dumps of the dump directory, one at a time, on a thread of its own, each
 * in the analyzer's JVM ({@link ChildAnalyzer}): a request while one is queued or running
 * is refused at once, as heap dumps are. Every change of an analysis is written to the
 * {@link AnalysisRepository}, so the list survives a restart.
 */
public final class Analyses implements AutoCloseable {

	/** Refers to the newest dump of the directory. */
	public static final String LATEST = "latest";

	private static final Log logger = LogFactory.getLog(Analyses.class);

	private final ChildAnalyzer analyzer;

	private final AnalysisRepository repository;

	private final HeapDumpRepository dumps;

	private final Clock clock;

	private final ExecutorService executor;

	private final AtomicReference<@Nullable Analysis> current = new AtomicReference<>();

	private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();

	private volatile Consumer<Analysis> onFinished = (analysis) -> {
	};

	public Analyses(ChildAnalyzer analyzer, AnalysisRepository repository, HeapDumpRepository dumps, Clock clock) {
		this.analyzer = analyzer;
		this.repository = repository;
		this.dumps = dumps;
		this.clock = clock;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "leaks-analysis");
			thread.setDaemon(true);
			return thread;
		});
		for (Analysis recovered : repository.recover(clock.instant())) {
			logger.info("Analysis " + recovered.id() + " was interrupted by a restart; marked failed");
		}
	}

	/**
	 * Tells a listener about every analysis that finishes, done or failed.
	 * @param listener the listener; replaces any earlier one
	 */
	public void onFinished(Consumer<Analysis> listener) {
		this.onFinished = listener;
	}

	public AnalysisRepository repository() {
		return this.repository;
	}

	/**
	 * Where the dumps analysed are.
	 * @return the dump directory
	 */
	public Path dumpDirectory() {
		return this.dumps.directory();
	}

	public AnalyzerSettings settings() {
		return this.analyzer.settings();
	}

	/**
	 * Starts analysing a dump.
	 * @param heapDump the dump's name, or {@link #LATEST}
	 * @param classes the classes to look at (1 to 20)
	 * @param classesFrom where the classes came from
	 * @param automatic whether the starter asks on its own
	 * @return the queued analysis
	 * @throws AnalysisException if the request is invalid or another analysis runs
	 */
	public Analysis analyse(String heapDump, List<String> classes, String classesFrom, boolean automatic) {
		HeapDump dump = dump(heapDump);
		return submit(List.of(dump), classes, classesFrom, automatic);
	}

	/**
	 * Keeps a place for an analysis that starts later, once what it needs is known (the
	 * suspects of a leak, named by live histograms a while after the automatic dump): it
	 * is listed as queued meanwhile but blocks no other analysis.
	 * @param why what it waits for
	 * @return the placeholder, with the id the analysis will have
	 */
	public Analysis reserve(String why) {
		Instant now = this.clock.instant();
		Analysis reserved = Analysis.queued(this.repository.newId(now), "", null, List.of(), why, true, now);
		this.repository.save(reserved);
		return reserved;
	}

	/**
	 * Starts an analysis kept by {@link #reserve}.
	 * @param id the reserved id
	 * @param heapDump the dump's name, or {@link #LATEST}
	 * @param classes the classes to look at
	 * @return the queued analysis
	 * @throws AnalysisException if the request is invalid or another analysis runs
	 */
	public Analysis startReserved(String id, String heapDump, List<String> classes) {
		Analysis reserved = get(id);
		return submit(reserved, List.of(dump(heapDump)), classes, reserved.classesFrom(), true);
	}

	/**
	 * Marks an analysis kept by {@link #reserve} failed before it started.
	 * @param id the reserved id
	 * @param reason why it never ran
	 * @return the failed analysis
	 */
	public Analysis failReserved(String id, String reason) {
		Analysis failed = get(id).failed(reason, this.clock.instant());
		this.repository.save(failed);
		return failed;
	}

	/**
	 * Starts comparing two dumps.
	 * @param from the earlier dump's name
	 * @param to the later dump's name, or {@link #LATEST}
	 * @param classes the classes to look at
	 * @param classesFrom where the classes came from
	 * @return the queued analysis
	 * @throws AnalysisException if the request is invalid or another analysis runs
	 */
	public Analysis compare(String from, String to, List<String> classes, String classesFrom) {
		HeapDump earlier = dump(from);
		HeapDump later = dump(to);
		if (earlier.name().equals(later.name())) {
			throw new AnalysisException(AnalysisException.Reason.INVALID,
					"from and to are both " + earlier.name() + ": compare two different dumps");
		}
		if (earlier.createdAt().isAfter(later.createdAt())) {
			HeapDump swap = earlier;
			earlier = later;
			later = swap;
		}
		return submit(List.of(earlier, later), classes, classesFrom, false);
	}

	public List<Analysis> list() {
		return this.repository.list();
	}

	/**
	 * Finds an analysis.
	 * @param id its id
	 * @return the analysis
	 * @throws AnalysisException {@code NOT_FOUND} if there is none
	 */
	public Analysis get(String id) {
		return find(id).orElseThrow(() -> notFound(id));
	}

	public Optional<Analysis> find(String id) {
		Analysis running = this.current.get();
		if (running != null && running.id().equals(id)) {
			return Optional.of(running);
		}
		return this.repository.get(id);
	}

	/**
	 * Deletes an analysis; one that is running is stopped first.
	 * @param id its id
	 * @return the analysis as it was
	 * @throws AnalysisException {@code NOT_FOUND} if there is none
	 */
	public Analysis delete(String id) {
		Analysis analysis = get(id);
		Analysis running = this.current.get();
		if (running != null && running.id().equals(id)) {
			this.cancelled.put(id, true);
		}
		this.repository.delete(id);
		return analysis;
	}

	/**
	 * Whether an analysis is queued or running.
	 * @return whether a new one would be refused
	 */
	public boolean isBusy() {
		return this.current.get() != null;
	}

	private Analysis submit(List<HeapDump> dumps, List<String> classes, String classesFrom, boolean automatic) {
		return submit(null, dumps, classes, classesFrom, automatic);
	}

	private Analysis submit(@Nullable Analysis reserved, List<HeapDump> dumps, List<String> classes,
			String classesFrom, boolean automatic) {
		List<String> names = AnalysisClasses.check(classes);
		Instant now = this.clock.instant();
		HeapDump later = dumps.get(dumps.size() - 1);
		String from = (dumps.size() == 2) ? dumps.get(0).name() : null;
		Analysis queued;
		synchronized (this) {
			Analysis running = this.current.get();
			if (running != null) {
				throw new AnalysisException(AnalysisException.Reason.BUSY, "Analysis " + running.id() + " is "
						+ running.status().name().toLowerCase(java.util.Locale.ROOT) + "; analyses run one at a time "
						+ "(each in a JVM of its own), retry when it has finished (GET /actuator/leaks/analyses/"
						+ running.id() + ")");
			}
			String id = (reserved != null) ? reserved.id() : this.repository.newId(now);
			Instant requestedAt = (reserved != null) ? reserved.requestedAt() : now;
			queued = Analysis.queued(id, later.name(), from, names, classesFrom, automatic, requestedAt);
			this.current.set(queued);
		}
		this.repository.save(queued);
		AnalyzerRequest request = new AnalyzerRequest(dumps.stream().map(Analyses::file).toList(), names,
				this.analyzer.settings().limits());
		this.executor.execute(() -> run(queued, request));
		return queued;
	}

	private void run(Analysis queued, AnalyzerRequest request) {
		Analysis finished;
		try {
			AnalyzerOutcome outcome = this.analyzer.run(request, this.repository.workDirectory(queued.id()),
					(step) -> progress(queued.id(), step), () -> this.cancelled.containsKey(queued.id()));
			Analysis last = this.current.get();
			finished = ((last != null) ? last : queued).finished(outcome, this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Analysis " + queued.id() + " failed", ex);
			finished = queued.failed("The analysis failed unexpectedly: " + ex, this.clock.instant());
		}
		boolean deleted = this.cancelled.remove(queued.id()) != null;
		try {
			if (!deleted) {
				this.repository.save(finished);
			}
		}
		catch (AnalysisException ex) {
			logger.warn(ex.getMessage());
		}
		finally {
			this.current.set(null);
		}
		if (!deleted) {
			log(finished);
			this.onFinished.accept(finished);
		}
	}

	private void progress(String id, AnalysisStep step) {
		Analysis analysis = this.current.get();
		if (analysis == null || !analysis.id().equals(id) || this.cancelled.containsKey(id)) {
			return;
		}
		Analysis running = analysis.running(step, this.clock.instant());
		this.current.set(running);
		try {
			this.repository.save(running);
		}
		catch (AnalysisException ex) {
			logger.debug(ex.getMessage());
		}
	}

	private static void log(Analysis analysis) {
		if (analysis.status() == AnalysisStatus.DONE) {
			logger.info("Analysis " + analysis.id() + " of " + analysis.heapDump() + " done");
		}
		else {
			logger.warn("Analysis " + analysis.id() + " of " + analysis.heapDump() + " failed: " + analysis.reason());
		}
	}

	private HeapDump dump(String name) {
		try {
			if (LATEST.equals(name)) {
				List<HeapDump> all = this.dumps.list();
				if (all.isEmpty()) {
					throw new AnalysisException(AnalysisException.Reason.NOT_FOUND, "There is no heap dump to analyse in "
							+ this.dumps.directory() + ": take one with POST /actuator/leaks/heapdumps first");
				}
				return all.get(all.size() - 1);
			}
			return this.dumps.get(name);
		}
		catch (HeapDumpException ex) {
			AnalysisException.Reason reason = switch (ex.reason()) {
				case NOT_FOUND -> AnalysisException.Reason.NOT_FOUND;
				case INVALID_NAME, INVALID_LABEL -> AnalysisException.Reason.INVALID;
				default -> AnalysisException.Reason.UNAVAILABLE;
			};
			throw new AnalysisException(reason, ex.getMessage());
		}
	}

	private static AnalyzerRequest.DumpFile file(HeapDump dump) {
		return new AnalyzerRequest.DumpFile(dump.name(), dump.file().toString(), dump.compressed());
	}

	private AnalysisException notFound(String id) {
		List<String> ids = list().stream().map(Analysis::id).toList();
		return new AnalysisException(AnalysisException.Reason.NOT_FOUND, "No analysis '" + id + "'. "
				+ (ids.isEmpty() ? "None yet: POST /actuator/leaks/analyses with {\"heapDump\": \"latest\"}"
						: "Known: " + String.join(", ", ids)));
	}

	/**
	 * Stops the running analysis (its JVM) and the analysis thread.
	 */
	@Override
	public void close() {
		Analysis running = this.current.get();
		if (running != null) {
			this.cancelled.put(running.id(), true);
		}
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
