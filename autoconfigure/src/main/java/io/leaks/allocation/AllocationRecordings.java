package io.leaks.allocation;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs allocation recordings one at a time and keeps the last few results. A recording
 * tallies sampled allocations as they arrive, so memory stays bounded however long it
 * runs; when it is due, its own daemon thread ends it, reads the old-object samples (the
 * path search walks the heap at a safepoint, so it waits its turn behind any GC, histogram
 * or heap dump in the shared {@link CollectionGuard}) and freezes the figures into a small
 * report.
 */
public final class AllocationRecordings implements AutoCloseable {

	/** Shortest recording: shorter ones sample too little to name a site. */
	public static final Duration MIN_DURATION = Duration.ofSeconds(1);

	/** Most classes one request may ask for. */
	public static final int MAX_REQUESTED_CLASSES = 50;

	/** Why a recording stopped by {@link #delete(String)} has no results. */
	public static final String STOPPED_BY_DELETE = "Stopped by a DELETE request";

	/** How long the end of a recording waits for another heap operation before it skips the paths. */
	static final Duration DEFAULT_GUARD_PATIENCE = Duration.ofSeconds(30);

	private static final Duration GUARD_RETRY = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(AllocationRecordings.class);

	private final AllocationRecorder recorder;

	private final @Nullable String unsupportedCollector;

	private final Settings settings;

	private final CollectionGuard guard;

	private final Clock clock;

	private final ApplicationFrames frames;

	private final LongSupplier collections;

	private final Duration guardPatience;

	private final ScheduledExecutorService scheduler;

	private final Object lock = new Object();

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private @Nullable Entry running;

	private long sequence;

	/**
	 * Creates the recordings.
	 * @param recorder records in this JVM
	 * @param unsupportedCollector the collector under which old-object samples cannot be
	 * relied on, or {@code null} (see {@link OldObjectSupport})
	 * @param settings bounds and defaults
	 * @param guard lets one heap-walking operation run at a time
	 * @param clock tells the time
	 */
	public AllocationRecordings(AllocationRecorder recorder, @Nullable String unsupportedCollector, Settings settings,
			CollectionGuard guard, Clock clock) {
		this(recorder, unsupportedCollector, settings, guard, clock, AllocationRecordings::collectionsSoFar);
	}

	/**
	 * Creates the recordings.
	 * @param recorder records in this JVM
	 * @param unsupportedCollector the collector under which old-object samples cannot be
	 * relied on, or {@code null} (see {@link OldObjectSupport})
	 * @param settings bounds and defaults
	 * @param guard lets one heap-walking operation run at a time
	 * @param clock tells the time
	 * @param collections counts the garbage collections so far: JFR reports only
	 * old-object samples that survived one
	 */
	public AllocationRecordings(AllocationRecorder recorder, @Nullable String unsupportedCollector, Settings settings,
			CollectionGuard guard, Clock clock, LongSupplier collections) {
		this(recorder, unsupportedCollector, settings, guard, clock, collections, DEFAULT_GUARD_PATIENCE);
	}

	AllocationRecordings(AllocationRecorder recorder, @Nullable String unsupportedCollector, Settings settings,
			CollectionGuard guard, Clock clock, LongSupplier collections, Duration guardPatience) {
		this.recorder = recorder;
		this.collections = collections;
		this.guardPatience = guardPatience;
		this.unsupportedCollector = unsupportedCollector;
		this.settings = settings;
		this.guard = guard;
		this.clock = clock;
		this.frames = new ApplicationFrames(settings.frameworkPackages());
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "leaks-allocations");
			thread.setDaemon(true);
			return thread;
		});
	}

	public Settings settings() {
		return this.settings;
	}

	/**
	 * Why this JVM cannot record at all, or {@code null} when it can.
	 * @return the reason, or {@code null}
	 */
	public @Nullable String unavailableReason() {
		return this.recorder.unavailableReason();
	}

	/**
	 * The collector under which old-object samples cannot be relied on.
	 * @return {@code ZGC}, {@code Shenandoah} or {@code null}
	 */
	public @Nullable String unsupportedCollector() {
		return this.unsupportedCollector;
	}

	/**
	 * Starts a recording.
	 * @param request what to record
	 * @return the recording, running
	 * @throws AllocationException if the request is invalid ({@code INVALID}), this JVM
	 * cannot record it ({@code UNAVAILABLE}) or another recording runs ({@code BUSY})
	 */
	public AllocationRecording start(RecordingRequest request) {
		List<String> wanted = validate(request);
		String unavailable = this.recorder.unavailableReason();
		if (unavailable != null) {
			throw new AllocationException(AllocationException.Reason.UNAVAILABLE, unavailable);
		}
		if (request.oldObjects() && this.unsupportedCollector != null) {
			throw new AllocationException(AllocationException.Reason.UNAVAILABLE,
					"Old-object samples are unavailable under " + this.unsupportedCollector + ": JFR's leak profiler "
							+ "cannot be relied on with this collector (it emits no samples, or only after a "
							+ "collection). Send \"oldObjects\": false to record allocation sites only, or run with "
							+ "G1, Parallel or Serial GC to see what holds the objects");
		}
		synchronized (this.lock) {
			Entry busy = this.running;
			if (busy != null) {
				throw new AllocationException(AllocationException.Reason.BUSY,
						"Recording " + busy.id + " is running until " + busy.endsAt + ": recordings run one at a "
								+ "time. Wait for it (GET its id) or stop it with DELETE");
			}
			String id = Long.toString(++this.sequence);
			Instant now = this.clock.instant();
			AllocationTally tally = new AllocationTally(Set.copyOf(wanted), this.frames,
					AllocationTally.Limits.DEFAULT);
			AllocationRecorder.Session session;
			try {
				session = this.recorder.start(new AllocationRecorder.Plan(this.settings.samplesPerSecond(),
						request.oldObjects(), this.settings.oldObjectStackTraces(), this.settings.pathCutoff()),
						tally::add);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not start an allocation recording", ex);
				throw new AllocationException(AllocationException.Reason.UNAVAILABLE,
						"JFR could not start a recording (" + ex.getMessage() + "); the application log has the details");
			}
			Entry entry = new Entry(id, request, wanted, now, now.plus(request.duration()), tally, session,
					this.collections.getAsLong());
			this.entries.put(id, entry);
			this.running = entry;
			evictBeyondLimit();
			entry.end = this.scheduler.schedule(() -> finish(entry, this.clock.instant().plus(this.guardPatience)),
					request.duration().toMillis(), TimeUnit.MILLISECONDS);
			return entry.view();
		}
	}

	/**
	 * The kept recordings, oldest first.
	 * @return the recordings
	 */
	public List<AllocationRecording> list() {
		List<Entry> kept;
		synchronized (this.lock) {
			kept = new ArrayList<>(this.entries.values());
		}
		return kept.stream().map(Entry::view).toList();
	}

	/**
	 * One recording.
	 * @param id its id
	 * @return the recording as it stands
	 * @throws AllocationException if no such recording is kept ({@code NOT_FOUND})
	 */
	public AllocationRecording get(String id) {
		return entry(id).view();
	}

	/**
	 * Forgets a recording, stopping it first (without results) when it runs.
	 * @param id its id
	 * @return the recording as it was
	 * @throws AllocationException if no such recording is kept ({@code NOT_FOUND}) or it is
	 * finishing right now ({@code BUSY})
	 */
	public AllocationRecording delete(String id) {
		synchronized (this.lock) {
			Entry entry = entry(id);
			if (entry == this.running) {
				ScheduledFuture<?> end = entry.end;
				if (end == null || !end.cancel(false)) {
					throw new AllocationException(AllocationException.Reason.BUSY, "Recording " + id
							+ " is finishing right now; delete it once it is done");
				}
				entry.session.abort();
				entry.complete(RecordingStatus.FAILED, this.clock.instant(), STOPPED_BY_DELETE);
				this.running = null;
			}
			this.entries.remove(id);
			return entry.view();
		}
	}

	/**
	 * Ends the running recording at once, without results; for shutdown.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		synchronized (this.lock) {
			Entry entry = this.running;
			if (entry != null) {
				entry.session.abort();
				entry.complete(RecordingStatus.FAILED, this.clock.instant(), "The application shut down");
				this.running = null;
			}
		}
	}

	private List<String> validate(RecordingRequest request) {
		Duration duration = request.duration();
		if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(this.settings.maxDuration()) > 0) {
			throw new AllocationException(AllocationException.Reason.INVALID,
					"duration must be from " + spelled(MIN_DURATION) + " to "
							+ spelled(this.settings.maxDuration()) + " (leaks.allocations.max-duration), was "
							+ spelled(duration));
		}
		if (request.classes().size() > MAX_REQUESTED_CLASSES) {
			throw new AllocationException(AllocationException.Reason.INVALID, "classes lists "
					+ request.classes().size() + " classes, at most " + MAX_REQUESTED_CLASSES + " are allowed");
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (String name : request.classes()) {
			String problem = ClassNames.problem(name);
			if (problem != null) {
				throw new AllocationException(AllocationException.Reason.INVALID, "classes: " + problem);
			}
			wanted.add(ClassNames.canonical(name));
		}
		return List.copyOf(wanted);
	}

	private Entry entry(String id) {
		synchronized (this.lock) {
			Entry entry = this.entries.get(id);
			if (entry == null) {
				throw new AllocationException(AllocationException.Reason.NOT_FOUND, "No allocation recording '"
						+ ClassNames.printable(id) + "'. " + (this.entries.isEmpty()
								? "None yet: POST /actuator/leaks/allocations with {\"duration\": \"60s\"}"
								: "Kept: " + String.join(", ", this.entries.keySet())));
			}
			return entry;
		}
	}

	private void evictBeyondLimit() {
		int finished = this.entries.size() - ((this.running != null) ? 1 : 0);
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (finished > this.settings.maxResults() && oldestFirst.hasNext()) {
			if (oldestFirst.next() != this.running) {
				oldestFirst.remove();
				finished--;
			}
		}
	}

	/**
	 * Ends a recording on the scheduler's thread. The path search walks the heap, so it
	 * waits (retrying every second) while another heap operation runs, until the deadline;
	 * then the recording ends without paths rather than never.
	 */
	private void finish(Entry entry, Instant guardDeadline) {
		entry.collectionsAtEnd = this.collections.getAsLong();
		try {
			if (entry.request.oldObjects()) {
				try {
					this.guard.run(() -> {
						entry.session.finish(entry.chains::add);
						return null;
					});
					entry.oldObjects = OldObjectStatus.RECORDED;
				}
				catch (CollectionInProgressException ex) {
					if (this.clock.instant().isBefore(guardDeadline)) {
						synchronized (this.lock) {
							entry.end = this.scheduler.schedule(() -> finish(entry, guardDeadline),
									GUARD_RETRY.toMillis(), TimeUnit.MILLISECONDS);
						}
						return;
					}
					entry.session.finish(null);
					entry.oldObjects = OldObjectStatus.SKIPPED;
					entry.oldObjectsReason = "Another heap operation (GC, snapshot or heap dump) ran for "
							+ spelled(this.guardPatience) + " after the recording was due to end, and the path "
							+ "search must not add its pause to it";
				}
			}
			else {
				entry.session.finish(null);
			}
			if (entry.oldObjects == OldObjectStatus.RECORDED && entry.chains.samples() == 0
					&& entry.collections() == 0) {
				entry.oldObjectsReason = "No garbage collection ran during the recording, and JFR reports only "
						+ "sampled objects that survived one: record for longer, or while the application works";
			}
			complete(entry, RecordingStatus.DONE, null);
		}
		catch (RuntimeException ex) {
			logger.warn("Allocation recording " + entry.id + " failed", ex);
			entry.session.abort();
			complete(entry, RecordingStatus.FAILED,
					"The recording failed (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
		}
	}

	private void complete(Entry entry, RecordingStatus status, @Nullable String failure) {
		synchronized (this.lock) {
			entry.complete(status, this.clock.instant(), failure);
			if (this.running == entry) {
				this.running = null;
			}
			evictBeyondLimit();
		}
	}

	/** A duration the way the request and the properties spell it: {@code 90s}, {@code 10m}. */
	private static long collectionsSoFar() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong((collector) -> Math.max(0, collector.getCollectionCount()))
			.sum();
	}

	private static String spelled(Duration duration) {
		long millis = duration.toMillis();
		if (millis != 0 && millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * Bounds and defaults of the recordings.
	 *
	 * @param defaultDuration how long a recording runs when the request names no duration
	 * @param maxDuration longest recording
	 * @param samplesPerSecond most allocation samples per second
	 * @param pathCutoff longest path search for old objects at the end of a recording
	 * @param oldObjectStackTraces whether old-object samples carry their allocation stack
	 * @param maxClasses most classes reported when none are asked for
	 * @param maxSites most sites reported per class
	 * @param maxChains most reference chains reported in all, and per class
	 * @param maxResults most finished recordings kept
	 * @param frameworkPackages more package prefixes whose frames are not application code
	 */
	public record Settings(Duration defaultDuration, Duration maxDuration, int samplesPerSecond, Duration pathCutoff,
			boolean oldObjectStackTraces, int maxClasses, int maxSites, int maxChains, int maxResults,
			List<String> frameworkPackages) {

		public Settings {
			if (defaultDuration.compareTo(maxDuration) > 0) {
				throw new IllegalArgumentException("leaks.allocations.default-duration (" + spelled(defaultDuration)
						+ ") must not exceed leaks.allocations.max-duration (" + spelled(maxDuration) + ")");
			}
			frameworkPackages = List.copyOf(frameworkPackages);
		}

	}

	/**
	 * A recording's state. Its tallies fill while it runs; when it ends they are frozen
	 * into a report and dropped, so a kept recording costs only what it reports.
	 */
	private final class Entry {

		private final String id;

		private final RecordingRequest request;

		private final List<String> wanted;

		private final Instant startedAt;

		private final Instant endsAt;

		private final AllocationTally tally;

		private final ChainTally chains;

		private final AllocationRecorder.Session session;

		private final long collectionsAtStart;

		private volatile long collectionsAtEnd = -1;

		private volatile @Nullable ScheduledFuture<?> end;

		private volatile OldObjectStatus oldObjects;

		private volatile @Nullable String oldObjectsReason;

		private volatile RecordingStatus status = RecordingStatus.RUNNING;

		private volatile @Nullable Instant finishedAt;

		private volatile @Nullable String failure;

		private volatile @Nullable AllocationReport frozen;

		Entry(String id, RecordingRequest request, List<String> wanted, Instant startedAt, Instant endsAt,
				AllocationTally tally, AllocationRecorder.Session session, long collectionsAtStart) {
			this.collectionsAtStart = collectionsAtStart;
			this.id = id;
			this.request = request;
			this.wanted = wanted;
			this.startedAt = startedAt;
			this.endsAt = endsAt;
			this.tally = tally;
			this.chains = new ChainTally(AllocationRecordings.this.frames);
			this.session = session;
			this.oldObjects = request.oldObjects() ? OldObjectStatus.PENDING : OldObjectStatus.OFF;
		}

		/** Collections during the recording: so far while it runs, until its end after. */
		long collections() {
			long end = this.collectionsAtEnd;
			return Math.max(0, ((end >= 0) ? end : AllocationRecordings.this.collections.getAsLong())
					- this.collectionsAtStart);
		}

		void complete(RecordingStatus status, Instant at, @Nullable String failure) {
			if (this.status != RecordingStatus.RUNNING) {
				return;
			}
			if (status == RecordingStatus.DONE) {
				this.frozen = report();
			}
			this.failure = failure;
			this.finishedAt = at;
			this.status = status;
		}

		AllocationRecording view() {
			RecordingStatus current = this.status;
			AllocationReport report = switch (current) {
				case RUNNING -> report();
				case DONE -> this.frozen;
				case FAILED -> null;
			};
			return new AllocationRecording(this.id, this.request, current, this.startedAt, this.endsAt,
					this.finishedAt, report, this.failure);
		}

		private AllocationReport report() {
			Settings limits = AllocationRecordings.this.settings;
			List<ClassFindings> classes = this.tally.classes(this.wanted, limits.maxClasses(), limits.maxSites())
				.stream()
				.map((allocations) -> new ClassFindings(allocations,
						this.chains.involving(allocations.className(), limits.maxChains())))
				.toList();
			return new AllocationReport(this.tally.totals(), classes, collections(), this.oldObjects,
					this.oldObjectsReason, this.chains.findings(limits.maxChains(), limits.maxClasses()));
		}

	}

}
