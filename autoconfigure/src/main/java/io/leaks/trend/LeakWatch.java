package io.leaks.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import io.leaks.gc.ForcedCollections;
import io.leaks.histogram.ClassHistogram;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Watches the heap and what lies outside it: on every {@link #tick()} it samples memory,
 * judges each {@link Resource} with the {@link TrendAnalyzer}, and moves each between quiet
 * and leak ({@link ResourceWatch}), publishing each transition once. Live histograms, the
 * only thing here that disturbs the host (each forces a full collection), are taken in
 * rounds ({@link HistogramRound}), within a budget of forced collections, and only to
 * measure a climb seen after young collections or to name the suspects of a leak.
 * Suspicion actions run on their own executor.
 * <p>
 * All state changes happen on the caller of {@link #tick()}, the starter's one scheduler
 * thread; other threads read the immutable {@link #report()}.
 */
public final class LeakWatch {

	private static final Log logger = LogFactory.getLog(LeakWatch.class);

	/** Tries of a histogram refused because another forced collection runs. */
	private static final int BUSY_RETRIES = 3;

	/**
	 * Each refuted climb doubles the cool-down before the next round, up to 64 times: a
	 * service whose young collections keep looking like a leak is not made to pay a round
	 * every cool-down.
	 */
	static final int MAX_BACKOFF_DOUBLINGS = 6;

	private final WatchSettings settings;

	private final TrendAnalyzer analyzer;

	private final GcHistory gcHistory;

	private final MemorySource memory;

	private final @Nullable LiveHistograms histograms;

	private final SuspicionActions actions;

	private final Consumer<Object> publisher;

	private final LongSupplier uptime;

	private final long startEpochMillis;

	private final ForcedCollections forced;

	private final RingBuffer<MemorySample> samples;

	private final Map<Resource, EnvelopeSeries> series = new EnumMap<>(Resource.class);

	private final Map<Resource, ResourceWatch> watches = new EnumMap<>(Resource.class);

	private final List<WatchObserver> observers = new CopyOnWriteArrayList<>();

	private @Nullable HistogramRound round;

	private @Nullable Confirmation confirmation;

	private List<Suspect> confirmedSuspects = List.of();

	private @Nullable String lastRoundFailure;

	private long lastRoundEndMillis = Long.MIN_VALUE;

	/** When a round naming a called leak last started outside the budget. */
	private long lastNamingBeyondBudgetMillis = Long.MIN_VALUE;

	private int refutations;

	private @Nullable MemorySample lastSample;

	private LongSupplier warnings = () -> 0;

	private volatile TrendReport report;

	private LeakWatch(Builder builder) {
		this.settings = builder.settings;
		this.analyzer = new TrendAnalyzer(this.settings.analysis());
		this.gcHistory = builder.gcHistory;
		this.memory = builder.memory;
		this.histograms = builder.histograms;
		this.actions = builder.actions;
		this.publisher = builder.publisher;
		this.uptime = builder.uptime;
		this.startEpochMillis = builder.startEpochMillis;
		this.forced = builder.forced;
		this.samples = new RingBuffer<>(builder.historySize);
		long now = this.uptime.getAsLong();
		Verdict.Facts facts = Verdict.Facts.of(this.settings.analysis());
		for (Resource resource : Resource.values()) {
			this.watches.put(resource, new ResourceWatch(resource, Verdict.without(resource, Finding.NOT_JUDGED, facts, now)));
			if (resource != Resource.HEAP) {
				this.series.put(resource, new EnvelopeSeries(builder.historySize));
			}
		}
		this.report = buildReport(now);
	}

	/**
	 * Starts building a watch.
	 * @param settings cadence, evidence, histogram and budget settings
	 * @param gcHistory the collections recorded by the GC notification recorder
	 * @return a builder
	 */
	public static Builder builder(WatchSettings settings, GcHistory gcHistory) {
		return new Builder(settings, gcHistory);
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

	public ForcedCollections forcedCollections() {
		return this.forced;
	}

	/**
	 * Adds an observer that sees every sample, histogram, judgement and event.
	 * @param observer the observer
	 */
	public void addObserver(WatchObserver observer) {
		this.observers.add(observer);
	}

	/**
	 * Samples, judges and acts once.
	 */
	public void tick() {
		long now = this.uptime.getAsLong();
		MemorySample sample = this.memory.sample(now);
		this.lastSample = sample;
		this.samples.add(sample);
		this.observers.forEach((observer) -> observer.sampled(sample));
		for (Resource resource : this.series.keySet()) {
			long value = value(resource, sample);
			if (value >= 0) {
				this.series.get(resource).add(now, value);
			}
		}
		handle(this.watches.get(Resource.HEAP), judgeHeap(now), now);
		for (Resource resource : this.series.keySet()) {
			handle(this.watches.get(resource), this.analyzer.judgeSamples(resource, this.series.get(resource).points(),
					limit(resource, sample), now), now);
		}
		HistogramRound due = this.round;
		if (due != null && due.due(now)) {
			step(due, now);
		}
		this.report = buildReport(now);
		TrendReport judged = this.report;
		this.observers.forEach((observer) -> observer.judged(now, judged));
	}

	private Verdict judgeHeap(long now) {
		MemorySample sample = this.lastSample;
		HeapLimits limits = (sample != null) ? new HeapLimits(sample.heapMax(), sample.minHeapFreeRatio())
				: new HeapLimits(-1, -1);
		return this.analyzer.judgeHeap(this.gcHistory.snapshot(), limits, applicableConfirmation(now),
				histogramsAvailable(), now);
	}

	/**
	 * The last round's finding while it applies: a refutation for one cool-down, a
	 * confirmation for as long as the climb it measured goes on.
	 */
	private @Nullable Confirmation applicableConfirmation(long now) {
		Confirmation last = this.confirmation;
		if (last == null || (!last.confirmed() && now - last.atMillis() >= cooldownMillis())) {
			return null;
		}
		return last;
	}

	private static long value(Resource resource, MemorySample sample) {
		return switch (resource) {
			case METASPACE -> sample.metaspaceUsed();
			case THREADS -> sample.liveThreads();
			case DIRECT -> sample.directBytes();
			case MAPPED -> sample.mappedBytes();
			case RESIDENT -> sample.residentOutsideHeap();
			case HEAP -> sample.heapUsed();
		};
	}

	private static long limit(Resource resource, MemorySample sample) {
		return switch (resource) {
			case METASPACE -> sample.metaspaceMax();
			case DIRECT -> sample.directMax();
			// Native memory can grow into whatever the container's limit leaves beside the heap.
			case RESIDENT -> (sample.memoryLimit() > 0) ? Math.max(1, sample.memoryLimit() - sample.heapCommitted()) : 0;
			default -> 0;
		};
	}

	private void handle(ResourceWatch watch, Verdict verdict, long now) {
		HistogramRound under = this.round;
		if (watch.phase() == ResourceWatch.Phase.QUIET && verdict.leak() && watch.resource() == Resource.HEAP
				&& under != null && under.purpose() == HistogramRound.Purpose.CONFIRM
				&& verdict.evidence().basis() == Basis.CONFIRMED && this.confirmedSuspects.isEmpty()) {
			// Called on measured floors while a round is under way, before its last one: the
			// call is made when the round ends, judged on all of it (the event waits for the
			// round's suspects anyway). Until then the round is still measuring, so the status,
			// the health and the leaks.suspected gauge never say leak for a rise the last floor
			// does not bear out (an import that finished loading). When two of the round's own
			// floors called it, its spacing was for measuring them: the rest only names what
			// grows, one judgement apart.
			if (under.taken() >= 2) {
				under.hurry(now);
			}
			under.called(verdict);
			watch.judged(awaitingTheRound(verdict));
			return;
		}
		if (watch.phase() == ResourceWatch.Phase.QUIET && !verdict.leak() && watch.resource() == Resource.HEAP
				&& under != null && under.purpose() == HistogramRound.Purpose.CONFIRM) {
			// The round is measuring the suspicion: until it ends that is what the heap shows,
			// not what the upper bounds look like with its own forced collections among them
			// (flat, or a cache filling), which the round's floors are about to settle.
			watch.judged(measuring(under.suspicion(), now));
			return;
		}
		watch.judged(verdict);
		switch (watch.phase()) {
			case QUIET -> {
				if (verdict.leak()) {
					suspect(watch, verdict, now);
				}
				else if (verdict.suspicion() && (mayStartRound(now) || (newClimb(verdict) && mayStartRoundNow(now)))) {
					startRound(HistogramRound.Purpose.CONFIRM, verdict, now);
				}
			}
			case ACTING -> {
				if (watch.readyToPublish(now, this.settings.interval().toMillis())) {
					publishSuspected(watch, now);
				}
				leaveWhenStable(watch, verdict, now);
			}
			default -> leaveWhenStable(watch, verdict, now);
		}
	}

	/**
	 * What is shown while a call waits for the round under way: the round's suspicion,
	 * with the numbers the call measured.
	 */
	private static Verdict awaitingTheRound(Verdict call) {
		return new Verdict(call.resource(), Finding.CONFIRMING, call.growthPerMinute(), call.projection(), null, null,
				call.evidence(), call.facts(), true, call.atMillis());
	}

	/**
	 * The suspicion a round under way measures, as of now, without its projection: the
	 * climb is not known to be retained, so the time-to-exhaustion gauge (and the alert on
	 * it) waits for the round.
	 */
	private static Verdict measuring(Verdict suspicion, long now) {
		return new Verdict(suspicion.resource(), Finding.CONFIRMING, suspicion.growthPerMinute(), null, null, null,
				suspicion.evidence(), suspicion.facts(), true, now);
	}

	private void suspect(ResourceWatch watch, Verdict verdict, long now) {
		enterLeak(watch, verdict, now);
		boolean named = verdict.evidence().basis() == Basis.CONFIRMED && !this.confirmedSuspects.isEmpty();
		if (watch.resource() == Resource.HEAP && !named && this.round != null) {
			// The round under way names the suspects when it ends. When its own floors called
			// the leak, its spacing was for measuring them: the rest only names what grows,
			// and one interval of a leak this fast is enough, so the event need not wait.
			if (this.round.taken() >= 2) {
				this.round.hurry(now);
			}
			return;
		}
		if (watch.resource() == Resource.HEAP && !named && (mayStartRound(now) || mayNameBeyondBudget(now))) {
			if (!mayStartRound(now)) {
				this.lastNamingBeyondBudgetMillis = now;
			}
			startRound(HistogramRound.Purpose.SUSPECTS, verdict, now);
			return;
		}
		List<Suspect> suspects = (watch.resource() == Resource.HEAP && named) ? this.confirmedSuspects : List.of();
		if (watch.resource() == Resource.HEAP && suspects.isEmpty() && this.settings.histograms()) {
			watch.note("No suspects named: " + whyNoRound(now));
		}
		act(watch, suspects, now);
	}

	private static void enterLeak(ResourceWatch watch, Verdict verdict, long now) {
		watch.suspect(verdict, now);
		logger.warn("leaks: " + watch.resource() + " leak suspected. " + verdict.reason());
	}

	private void act(ResourceWatch watch, List<Suspect> suspects, long now) {
		watch.act(suspects, now);
		if (this.actions.isEmpty()) {
			watch.actionsDone();
			publishSuspected(watch, now);
			return;
		}
		this.actions.run(watch.resource(), watch::note, watch::actionsDone);
		if (watch.readyToPublish(now, this.settings.interval().toMillis())) {
			publishSuspected(watch, now);
		}
	}

	private void leaveWhenStable(ResourceWatch watch, Verdict verdict, long now) {
		boolean stable = verdict.status() == TrendStatus.STABLE && !verdict.suspicion();
		if (watch.stableFor(stable, now) >= this.settings.clearAfter().toMillis()) {
			Instant suspectedAt = instant(watch.suspectedAtMillis());
			logger.info("leaks: " + watch.resource() + " leak suspicion cleared. " + verdict.reason());
			if (watch.resource() == Resource.HEAP) {
				this.confirmation = null;
				this.confirmedSuspects = List.of();
			}
			if (watch.clear()) {
				publish(now, new LeakClearedEvent(this, verdict, suspectedAt));
			}
		}
	}

	private void publishSuspected(ResourceWatch watch, long now) {
		Verdict verdict = watch.leakVerdict();
		if (verdict == null) {
			return;
		}
		watch.published();
		Projection projection = verdict.projection();
		Instant exhaustion = (projection != null) ? instant(projection.exhaustionAtMillis()) : null;
		publish(now, new LeakSuspectedEvent(this, verdict, exhaustion, watch.suspects(), watch.notes()));
	}

	private void publish(long now, Object event) {
		this.publisher.accept(event);
		this.observers.forEach((observer) -> observer.published(now, event));
	}

	private boolean histogramsAvailable() {
		return this.settings.histograms() && this.histograms != null && this.histograms.isAvailable();
	}

	private boolean mayStartRound(long now) {
		return mayStartRoundNow(now)
				&& (this.lastRoundEndMillis == Long.MIN_VALUE || now - this.lastRoundEndMillis >= cooldownMillis());
	}

	/**
	 * Whether a round may name a called leak's suspects now beyond the budget and the
	 * cool-down: once per budget period. What grows is what the leak's owner acts on, and a
	 * round at start-up would otherwise leave a leak called within the hour unnamed; it is
	 * counted against the budget, like an automatic dump.
	 */
	private boolean mayNameBeyondBudget(long now) {
		return this.round == null && histogramsAvailable()
				&& (this.lastNamingBeyondBudgetMillis == Long.MIN_VALUE
						|| now - this.lastNamingBeyondBudgetMillis >= this.settings.budgetPeriod().toMillis());
	}

	/** Whether a round may start now whatever the cool-down: nothing under way, budget left. */
	private boolean mayStartRoundNow(long now) {
		return this.round == null && histogramsAvailable() && budgetRoomAt(now) <= now;
	}

	/**
	 * The live floors a round judges: its own, after those of an inconclusive round before
	 * it, so that a leak growing in steps (one per batch, fewer than a round's histograms
	 * can see) is measured across rounds.
	 */
	private List<Point> measuredFloors(HistogramRound round) {
		Confirmation last = this.confirmation;
		if (last == null || last.outcome() != Confirmation.Outcome.INCONCLUSIVE) {
			return round.liveFloors();
		}
		List<Point> floors = new ArrayList<>(last.liveFloors());
		floors.addAll(round.liveFloors());
		return floors;
	}

	/**
	 * Whether a suspicion is a new climb, of the old generation's floor or markedly steeper
	 * than the young climb the last round refuted: a leak that began under the garbage need
	 * not wait out the cool-down.
	 */
	private boolean newClimb(Verdict verdict) {
		Confirmation last = this.confirmation;
		if (last == null || last.confirmed()) {
			return false;
		}
		// The old generation's own floor climbing is other evidence than the young climb refuted.
		return verdict.evidence().basis() == Basis.FLOOR_TREND
				|| verdict.growthPerMinute() >= TrendAnalyzer.STEEPER * last.youngPerMinute();
	}

	private long budgetRoomAt(long now) {
		return this.forced.roomAt(this.settings.forcedBudget(), this.settings.histogramCount(),
				this.settings.budgetPeriod().toMillis(), now);
	}

	private String whyNoRound(long now) {
		if (!histogramsAvailable()) {
			return "live histograms are off or unavailable";
		}
		if (this.round != null) {
			return "another round of live histograms is under way";
		}
		long room = budgetRoomAt(now);
		if (room > now) {
			return "the budget of " + this.settings.forcedBudget() + " forced collections per "
					+ Units.duration(this.settings.budgetPeriod().toMillis()) + " is spent"
					+ ((room == Long.MAX_VALUE) ? "" : " for another " + Units.duration(room - now));
		}
		return "the last round of live histograms ended less than "
				+ Units.duration(cooldownMillis()) + " ago";
	}

	private long cooldownMillis() {
		return this.settings.histogramCooldown().toMillis() << Math.min(this.refutations, MAX_BACKOFF_DOUBLINGS);
	}

	private void startRound(HistogramRound.Purpose purpose, Verdict verdict, long now) {
		MemorySample sample = this.lastSample;
		long level = (sample != null) ? sample.heapUsed() : 0;
		boolean urgent = verdict.facts().untilLimitMillis() >= 0
				&& verdict.facts().untilLimitMillis() <= TrendSettings.URGENT.toMillis();
		long spacing = this.settings.spacingFor(verdict.growthPerMinute(), level, urgent).toMillis();
		Evidence climb = verdict.evidence();
		if (purpose == HistogramRound.Purpose.CONFIRM && climb.sparseClimb() && this.settings.histogramSpacing() == null) {
			// A sparse climb (SeriesJudgement.sparseClimb): too few young collections to show
			// it persists, so the round's live floors must show it keeps rising, its last one
			// landing when the climb has persisted the persist span (sooner only when its own
			// floors call the leak first).
			long persisted = climb.fromMillis() + this.settings.analysis().persistSpan().toMillis();
			spacing = Math.max(spacing, ceilDiv(persisted - now, this.settings.histogramCount() - 1));
		}
		this.round = new HistogramRound(purpose, verdict, this.settings.histogramCount(), spacing, now);
		logger.info("leaks: " + verdict.reason() + "; taking " + this.settings.histogramCount()
				+ " live histograms " + Units.duration(spacing) + " apart");
	}

	private static long ceilDiv(long dividend, long divisor) {
		return (dividend <= 0) ? 0 : (dividend + divisor - 1) / divisor;
	}

	private void step(HistogramRound round, long now) {
		LiveHistograms histograms = this.histograms;
		if (histograms == null) {
			finish(round, now, "no live histograms in this application");
			return;
		}
		try {
			long started = this.uptime.getAsLong();
			ClassHistogram histogram = histograms.capture();
			long at = this.uptime.getAsLong();
			this.forced.record(ForcedCollections.Reason.HISTOGRAM, at);
			round.record(at, histogram);
			String purpose = round.purpose().id();
			this.observers.forEach((observer) -> observer.histogramTaken(at, purpose, histogram, at - started));
		}
		catch (CollectionInProgressException ex) {
			if (round.busy() > BUSY_RETRIES) {
				finish(round, now, "another forced collection kept running");
			}
			return;
		}
		catch (RuntimeException | Error ex) {
			// An Error too (out of memory while walking the heap): the round ends as a
			// failure instead of staying stuck, and the next tick runs as usual.
			logger.warn("leaks: live histogram failed: " + ex);
			finish(round, now, "live histograms failed: " + ex.getMessage());
			return;
		}
		if (round.complete()) {
			finish(round, now, null);
		}
	}

	private void finish(HistogramRound round, long now, @Nullable String failure) {
		this.round = null;
		this.lastRoundEndMillis = now;
		this.lastRoundFailure = failure;
		ResourceWatch heap = this.watches.get(Resource.HEAP);
		SuspectRanking.Ranking ranking = (round.taken() >= 2) ? round.ranking() : new SuspectRanking.Ranking(List.of(), 0, 0);
		if (round.purpose() == HistogramRound.Purpose.SUSPECTS) {
			if (failure != null) {
				heap.note("No suspects named: " + failure);
			}
			if (heap.phase() == ResourceWatch.Phase.NAMING) {
				act(heap, ranking.suspects(), now);
			}
			return;
		}
		if (failure != null || round.taken() < 2) {
			this.refutations++;
			Verdict call = round.call();
			if (heap.phase() == ResourceWatch.Phase.QUIET && call != null) {
				// The round cannot judge the call it kept: made as it stood, without suspects.
				heap.judged(call);
				enterLeak(heap, call, now);
			}
			if (heap.phase() == ResourceWatch.Phase.NAMING) {
				heap.note("No suspects named: " + ((failure != null) ? failure : "too few live histograms"));
				act(heap, List.of(), now);
			}
			return;
		}
		List<Point> floors = measuredFloors(round);
		Confirmation found = this.analyzer.chained(this.confirmation, this.analyzer.confirm(round.suspicion(), floors,
				floors.size() - round.liveFloors().size(), ranking.growing(), ranking.leastGain(), now));
		this.confirmation = found;
		if (found.confirmed()) {
			this.refutations = 0;
			this.confirmedSuspects = ranking.suspects();
		}
		else if (found.refuted()) {
			this.refutations++;
		}
		Verdict judged = judgeHeap(now);
		logger.info("leaks: " + judged.reason() + (found.confirmed() ? ""
				: "; next live histograms not before " + Units.duration(cooldownMillis()) + " from now"));
		if (heap.phase() == ResourceWatch.Phase.QUIET && round.call() != null) {
			if (judged.leak()) {
				// The call made while the round was under way, borne out by the whole round.
				enterLeak(heap, judged, now);
			}
			else {
				logger.info("leaks: the heap's rise that called a leak while live histograms were under way stopped by "
						+ "their last, so no leak is called. " + judged.reason());
			}
		}
		if (heap.phase() == ResourceWatch.Phase.NAMING) {
			// A leak called while the round was under way (on its floors and borne out by it,
			// or on other evidence: the collector's floors, pressure): the round named its
			// suspects, published now.
			heap.judged(judged);
			act(heap, ranking.suspects(), now);
			return;
		}
		handle(heap, judged, now);
	}

	/**
	 * The state after the last judgement.
	 * @return the report (all {@code NOT_JUDGED} before the first judgement)
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
			round = new TrendReport.Round(current.purpose().id(), current.taken(), current.count(),
					current.liveFloors().stream().map(Point::value).toList(), current.spacingMillis(),
					instant(current.nextAtMillis()));
		}
		List<TrendReport.ResourceState> resources = new ArrayList<>();
		for (ResourceWatch watch : this.watches.values()) {
			resources.add(new TrendReport.ResourceState(watch.resource(), watch.verdict(),
					watch.phase().name().toLowerCase(Locale.ROOT), watch.leak() ? instant(watch.suspectedAtMillis()) : null,
					watch.leakVerdict(), watch.suspects(), watch.notes()));
		}
		long period = this.settings.budgetPeriod().toMillis();
		return new TrendReport(instant(now), resources, round, this.confirmation, this.lastRoundFailure,
				this.forced.counts(), new TrendReport.Budget(this.settings.forcedBudget(), period,
						this.forced.ownWithin(period, now)),
				this.warnings.getAsLong());
	}

	/**
	 * Builds a {@link LeakWatch}.
	 */
	public static final class Builder {

		private final WatchSettings settings;

		private final GcHistory gcHistory;

		private MemorySource memory = new MemorySampler();

		private @Nullable LiveHistograms histograms;

		private SuspicionActions actions = SuspicionActions.none();

		private Consumer<Object> publisher = (event) -> {
		};

		private LongSupplier uptime = () -> 0;

		private long startEpochMillis;

		private int historySize = GcHistory.DEFAULT_CAPACITY;

		private ForcedCollections forced = new ForcedCollections();

		private Builder(WatchSettings settings, GcHistory gcHistory) {
			this.settings = settings;
			this.gcHistory = gcHistory;
		}

		/** Where memory figures come from ({@link MemorySampler} by default). */
		public Builder memory(MemorySource memory) {
			this.memory = memory;
			return this;
		}

		/** Where live histograms come from; none by default. */
		public Builder histograms(@Nullable LiveHistograms histograms) {
			this.histograms = histograms;
			return this;
		}

		/** What to do when a leak is first suspected; nothing by default. */
		public Builder actions(SuspicionActions actions) {
			this.actions = actions;
			return this;
		}

		/** Where {@link LeakSuspectedEvent} and {@link LeakClearedEvent} go. */
		public Builder publisher(Consumer<Object> publisher) {
			this.publisher = publisher;
			return this;
		}

		/**
		 * The clock: milliseconds since the JVM started, and when it started.
		 */
		public Builder clock(LongSupplier uptime, long startEpochMillis) {
			this.uptime = uptime;
			this.startEpochMillis = startEpochMillis;
			return this;
		}

		/** Samples kept per series. */
		public Builder historySize(int historySize) {
			this.historySize = historySize;
			return this;
		}

		/** Where forced collections are counted (shared with the endpoint's). */
		public Builder forcedCollections(ForcedCollections forced) {
			this.forced = forced;
			return this;
		}

		public LeakWatch build() {
			return new LeakWatch(this);
		}

	}

}
