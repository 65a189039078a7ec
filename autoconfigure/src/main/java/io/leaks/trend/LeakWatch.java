package io.leaks.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import io.leaks.histogram.ClassHistogram;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Watches heap, metaspace and threads: on every {@link #tick()} it samples memory, judges
 * each resource with the {@link TrendAnalyzer}, and moves each between quiet and leak,
 * publishing each transition once. Live histograms, the only thing here that disturbs the
 * host (each forces a full collection), are taken in rounds of a few, spaced and
 * rate-limited, and only to confirm a suspicion from young collections or to name the
 * suspects of a leak verdict.
 * <p>
 * All state changes happen on the caller of {@link #tick()}, the starter's one scheduler
 * thread; other threads read the immutable {@link #report()}.
 */
public final class LeakWatch {

	private static final Log logger = LogFactory.getLog(LeakWatch.class);

	/** Tries of a histogram refused because another forced collection runs. */
	private static final int BUSY_RETRIES = 3;

	/**
	 * Each refuted suspicion doubles the cool-down before the next round, up to 64 times:
	 * a service whose young collections keep looking like a leak is not made to pay three
	 * full collections every cool-down.
	 */
	static final int MAX_BACKOFF_DOUBLINGS = 6;

	private final WatchSettings settings;

	private final TrendAnalyzer analyzer;

	private final GcHistory gcHistory;

	private final MemorySource sampler;

	private final @Nullable LiveHistograms snapshots;

	private final List<WatchObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final List<SuspicionAction> actions;

	private final Consumer<Object> publisher;

	private final LongSupplier uptime;

	private final long startEpochMillis;

	private final RingBuffer<MemorySample> samples;

	private final EnvelopeSeries metaspace;

	private final EnvelopeSeries threads;

	private final Watched heapState = new Watched();

	private final Watched metaspaceState = new Watched();

	private final Watched threadsState = new Watched();

	private @Nullable HistogramRound round;

	private long lastRoundEndMillis = Long.MIN_VALUE;

	private long maxHeap = -1;

	private int refutations;

	private @Nullable String lastRefutation;

	private LongSupplier warnings = () -> 0;

	private volatile TrendReport report;

	/**
	 * Creates the watch.
	 * @param settings cadence, evidence and histogram settings
	 * @param gcHistory the collections recorded by the GC notification recorder
	 * @param sampler reads memory figures
	 * @param snapshots takes live histograms, or {@code null} if there are none
	 * @param actions called when a leak is first suspected
	 * @param publisher publishes {@link LeakSuspectedEvent} and {@link LeakClearedEvent}
	 * @param uptime milliseconds since the JVM started
	 * @param startEpochMillis when the JVM started, milliseconds since the epoch
	 * @param historySize samples kept
	 */
	public LeakWatch(WatchSettings settings, GcHistory gcHistory, MemorySource sampler, @Nullable LiveHistograms snapshots,
			List<SuspicionAction> actions, Consumer<Object> publisher, LongSupplier uptime, long startEpochMillis,
			int historySize) {
		this.settings = settings;
		this.analyzer = new TrendAnalyzer(settings.analysis());
		this.gcHistory = gcHistory;
		this.sampler = sampler;
		this.snapshots = snapshots;
		this.actions = List.copyOf(actions);
		this.publisher = publisher;
		this.uptime = uptime;
		this.startEpochMillis = startEpochMillis;
		this.samples = new RingBuffer<>(historySize);
		this.metaspace = new EnvelopeSeries(historySize);
		this.threads = new EnvelopeSeries(historySize);
		long now = uptime.getAsLong();
		String reason = "Not judged yet: the first judgement comes " + settings.interval() + " after start";
		this.heapState.verdict = Verdict.collecting("heap", reason, now);
		this.metaspaceState.verdict = Verdict.collecting("metaspace", reason, now);
		this.threadsState.verdict = Verdict.collecting("threads", reason, now);
		this.report = buildReport(now);
	}

	/**
	 * Counts collection-usage warnings into the report.
	 * @param warnings the count so far
	 */
	public void countWarnings(LongSupplier warnings) {
		this.warnings = warnings;
	}

	public WatchSettings settings() {
		return this.settings;
	}

	public GcHistory gcHistory() {
		return this.gcHistory;
	}

	/**
	 * Samples, judges and acts once.
	 */
	public void tick() {
		long now = this.uptime.getAsLong();
		MemorySample sample = this.sampler.sample(now);
		this.samples.add(sample);
		this.observers.forEach((observer) -> observer.sampled(sample));
		if (sample.metaspaceUsed() >= 0) {
			this.metaspace.add(now, sample.metaspaceUsed());
		}
		this.threads.add(now, sample.liveThreads());
		this.maxHeap = sample.heapMax();
		handle(this.heapState, this.analyzer.judgeHeap(this.gcHistory.snapshot(), this.maxHeap, now), now);
		handle(this.metaspaceState,
				this.analyzer.judgeSamples("metaspace", this.metaspace.points(), sample.metaspaceMax(), true, now), now);
		handle(this.threadsState, this.analyzer.judgeSamples("threads", this.threads.points(), 0, false, now), now);
		HistogramRound due = this.round;
		if (due != null && now >= due.nextAtMillis) {
			step(due, now);
		}
		this.report = buildReport(now);
		TrendReport judged = this.report;
		this.observers.forEach((observer) -> observer.judged(now, judged));
	}

	/**
	 * Adds an observer that sees every sample, histogram, judgement and event.
	 * @param observer the observer
	 */
	public void addObserver(WatchObserver observer) {
		this.observers.add(observer);
	}

	private void publish(long now, Object event) {
		this.publisher.accept(event);
		this.observers.forEach((observer) -> observer.published(now, event));
	}

	private void handle(Watched state, Verdict verdict, long now) {
		state.verdict = verdict;
		if (!state.leak) {
			if (verdict.leak()) {
				enterLeak(state, verdict, List.of(), now);
			}
			else if (verdict.suspicion() && mayStartRound(now)) {
				this.round = new HistogramRound(Purpose.CONFIRM, state, verdict, now);
				logger.info("leaks: " + verdict.reason() + "; taking " + this.settings.histogramCount()
						+ " live histograms to confirm it");
			}
			return;
		}
		if (verdict.status() == TrendStatus.STABLE && !verdict.suspicion()) {
			if (state.stableSince == Long.MIN_VALUE) {
				state.stableSince = now;
			}
			if (now - state.stableSince >= this.settings.clearAfter().toMillis()) {
				leaveLeak(state, verdict);
			}
		}
		else {
			state.stableSince = Long.MIN_VALUE;
		}
	}

	private void enterLeak(Watched state, Verdict verdict, List<Suspect> suspects, long now) {
		state.leak = true;
		state.leakVerdict = verdict;
		state.suspectedAtMillis = now;
		state.stableSince = Long.MIN_VALUE;
		state.suspects = suspects;
		state.published = false;
		state.notes = runActions(verdict.resource());
		logger.warn("leaks: " + verdict.resource() + " leak suspected. " + verdict.reason());
		if (suspects.isEmpty() && state == this.heapState && mayStartRound(now)) {
			this.round = new HistogramRound(Purpose.SUSPECTS, state, verdict, now);
			return;
		}
		publishSuspected(state);
	}

	private void leaveLeak(Watched state, Verdict verdict) {
		boolean published = state.published;
		Instant suspectedAt = instant(state.suspectedAtMillis);
		state.leak = false;
		state.leakVerdict = null;
		state.suspects = List.of();
		state.notes = List.of();
		state.published = false;
		state.stableSince = Long.MIN_VALUE;
		logger.info("leaks: " + verdict.resource() + " leak suspicion cleared. " + verdict.reason());
		if (published) {
			publish(verdict.atMillis(), new LeakClearedEvent(this, verdict, suspectedAt));
		}
	}

	private void publishSuspected(Watched state) {
		Verdict verdict = state.leakVerdict;
		if (verdict == null || state.published) {
			return;
		}
		state.published = true;
		Projection projection = verdict.projection();
		Instant exhaustion = (projection != null) ? instant(projection.exhaustionAtMillis()) : null;
		publish(this.uptime.getAsLong(), new LeakSuspectedEvent(this, verdict, exhaustion, state.suspects, state.notes));
	}

	private List<String> runActions(String resource) {
		List<String> notes = new ArrayList<>();
		for (SuspicionAction action : this.actions) {
			try {
				String note = action.onSuspicion(resource);
				if (note != null) {
					notes.add(note);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("leaks: suspicion action " + action.getClass().getName() + " failed", ex);
			}
		}
		return notes;
	}

	private boolean mayStartRound(long now) {
		return this.round == null && this.settings.histograms() && this.snapshots != null
				&& this.snapshots.isAvailable()
				&& (this.lastRoundEndMillis == Long.MIN_VALUE || now - this.lastRoundEndMillis >= cooldownMillis());
	}

	private long cooldownMillis() {
		return this.settings.histogramCooldown().toMillis() << Math.min(this.refutations, MAX_BACKOFF_DOUBLINGS);
	}

	private void step(HistogramRound round, long now) {
		LiveHistograms snapshots = this.snapshots;
		if (snapshots == null) {
			finish(round, now, "no live histograms in this application");
			return;
		}
		try {
			long started = this.uptime.getAsLong();
			ClassHistogram histogram = snapshots.capture();
			long at = this.uptime.getAsLong();
			round.histograms.add(histogram);
			round.liveFloors.add(new Point(at, histogram.totalBytes()));
			String purpose = round.purpose.name().toLowerCase(Locale.ROOT);
			this.observers.forEach((observer) -> observer.histogramTaken(at, purpose, histogram, at - started));
			round.nextAtMillis = at + this.settings.histogramSpacing().toMillis();
		}
		catch (CollectionInProgressException ex) {
			if (++round.busy > BUSY_RETRIES) {
				finish(round, now, "another forced collection kept running");
			}
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("leaks: live histogram failed: " + ex.getMessage());
			finish(round, now, "live histograms failed: " + ex.getMessage());
			return;
		}
		if (round.histograms.size() >= this.settings.histogramCount()) {
			finish(round, now, null);
		}
	}

	private void finish(HistogramRound round, long now, @Nullable String failure) {
		this.round = null;
		this.lastRoundEndMillis = now;
		List<Suspect> suspects = SuspectRanking.rank(round.histograms);
		Watched state = round.state;
		if (round.purpose == Purpose.SUSPECTS) {
			state.suspects = suspects;
			if (failure != null) {
				state.notes = append(state.notes, "No suspects: " + failure);
			}
			publishSuspected(state);
			return;
		}
		if (failure != null) {
			this.lastRefutation = "Could not confirm: " + failure;
			return;
		}
		Verdict judged = this.analyzer.confirm(round.suspicion, round.liveFloors, this.maxHeap, now);
		if (judged.leak()) {
			this.refutations = 0;
			enterLeak(state, judged, suspects, now);
		}
		else {
			this.refutations++;
			this.lastRefutation = judged.reason();
			logger.info("leaks: " + judged.reason() + "; next live histograms not before "
					+ Duration.ofMillis(cooldownMillis()));
		}
	}

	private static List<String> append(List<String> notes, String note) {
		List<String> appended = new ArrayList<>(notes);
		appended.add(note);
		return List.copyOf(appended);
	}

	/**
	 * The state after the last judgement.
	 * @return the report (all {@code COLLECTING} before the first judgement)
	 */
	public TrendReport report() {
		return this.report;
	}

	/**
	 * The samples kept, for the history charts.
	 * @return the samples, oldest first
	 */
	public List<MemorySample> samples() {
		return this.samples.list();
	}

	/**
	 * Converts the JVM's uptime to a moment.
	 * @param uptimeMillis milliseconds since the JVM started
	 * @return the moment
	 */
	public Instant instant(long uptimeMillis) {
		return Instant.ofEpochMilli(this.startEpochMillis + uptimeMillis);
	}

	private TrendReport buildReport(long now) {
		HistogramRound current = this.round;
		TrendReport.Round round = null;
		if (current != null) {
			round = new TrendReport.Round(current.purpose.name().toLowerCase(Locale.ROOT),
					current.histograms.size(), this.settings.histogramCount(),
					current.liveFloors.stream().map(Point::value).toList());
		}
		return new TrendReport(instant(now), resource(this.heapState), resource(this.metaspaceState),
				resource(this.threadsState), round, this.lastRefutation, this.warnings.getAsLong());
	}

	private TrendReport.Resource resource(Watched state) {
		return new TrendReport.Resource(state.verdict, state.leak,
				state.leak ? instant(state.suspectedAtMillis) : null, state.leakVerdict, state.suspects, state.notes,
				state.published);
	}

	private enum Purpose {

		CONFIRM, SUSPECTS

	}

	/**
	 * Mutable state of one resource, touched only by the ticking thread.
	 */
	private static final class Watched {

		private Verdict verdict = Verdict.collecting("", "", 0);

		private boolean leak;

		private @Nullable Verdict leakVerdict;

		private long suspectedAtMillis;

		private long stableSince = Long.MIN_VALUE;

		private List<Suspect> suspects = List.of();

		private List<String> notes = List.of();

		private boolean published;

	}

	/**
	 * A round of spaced live histograms under way.
	 */
	private static final class HistogramRound {

		private final Purpose purpose;

		private final Watched state;

		private final Verdict suspicion;

		private final List<ClassHistogram> histograms = new ArrayList<>();

		private final List<Point> liveFloors = new ArrayList<>();

		private long nextAtMillis;

		private int busy;

		HistogramRound(Purpose purpose, Watched state, Verdict suspicion, long startMillis) {
			this.purpose = purpose;
			this.state = state;
			this.suspicion = suspicion;
			this.nextAtMillis = startMillis;
		}

	}

}
