package io.leaks.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * One simulated service watched at every interval, as production judges it.
 */
final class SimulatedRun {

	final SimulatedJvm jvm;

	final LeakWatch watch;

	final List<Object> events = new ArrayList<>();

	final Map<Resource, Long> firstLeak = new EnumMap<>(Resource.class);

	final List<Finding> heapFindings = new ArrayList<>();

	final List<String> reasons = new ArrayList<>();

	private boolean lastSuspicion;

	long exhaustedAt = -1;

	long firstEventAt = -1;

	private final long interval;

	SimulatedRun(long seed, SimulatedJvm.Collector collector, long maxHeap, LongUnaryOperator live,
			WatchSettings settings, Consumer<SimulatedJvm> tuning) {
		GcHistory history = new GcHistory();
		GcEventRecorder recorder = new GcEventRecorder(history, 256);
		this.jvm = new SimulatedJvm(seed, collector, maxHeap, live, recorder);
		tuning.accept(this.jvm);
		this.watch = LeakWatch.builder(settings, history)
			.memory(this.jvm)
			.histograms(this.jvm)
			.publisher((event) -> {
				this.events.add(event);
				if (event instanceof LeakSuspectedEvent && this.firstEventAt < 0) {
					this.firstEventAt = this.jvm.now();
				}
			})
			.clock(this.jvm::now, 0)
			.build();
		this.interval = settings.interval().toMillis();
	}

	/**
	 * The import of the fifth soak's batch on a default-sized heap (6 GiB): 35% of it loaded
	 * over 3 minutes, held 2, released, on 60 MiB live, with 0.5 MiB/s of promoted garbage,
	 * at the defaults.
	 * @param seed the run's seed
	 * @param collector the simulated collector
	 * @param onsetMillis when the import starts loading
	 * @return the run, not yet run
	 */
	static SimulatedRun importOnTheDefaultHeap(long seed, SimulatedJvm.Collector collector, long onsetMillis) {
		long mb = 1024 * 1024;
		long heap = 6 * 1024 * mb;
		return new SimulatedRun(seed, collector, heap,
				Scenarios.load(60 * mb, (long) (0.35 * heap), onsetMillis, 3 * 60_000, 2 * 60_000), defaults(),
				(jvm) -> jvm.promotedPerSecond = 0.5 * mb);
	}

	static WatchSettings defaults() {
		return WatchSettings.derive(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(2));
	}

	static WatchSettings testSettings() {
		return WatchSettings.derive(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60));
	}

	/**
	 * Runs for a time, judging every interval.
	 * @param duration how long
	 * @param each runs after every judgement
	 * @return this run
	 */
	SimulatedRun run(Duration duration, Consumer<SimulatedRun> each) {
		for (long t = this.interval; t <= duration.toMillis(); t += this.interval) {
			if (!this.jvm.advanceTo(t)) {
				this.exhaustedAt = t;
				break;
			}
			this.watch.tick();
			TrendReport report = this.watch.report();
			for (TrendReport.ResourceState state : report.resources()) {
				if (state.leak()) {
					this.firstLeak.putIfAbsent(state.type(), t);
				}
			}
			Finding finding = report.heap().verdict().finding();
			boolean suspicion = report.heap().verdict().suspicion();
			if (this.heapFindings.isEmpty() || this.heapFindings.get(this.heapFindings.size() - 1) != finding
					|| suspicion != this.lastSuspicion) {
				this.reasons.add((t / 1000) + "s " + finding + " " + report.heap().verdict().reason()
						+ ((report.round() != null) ? " [round " + report.round() + "]" : ""));
			}
			this.heapFindings.add(finding);
			this.lastSuspicion = suspicion;
			each.accept(this);
		}
		return this;
	}

	SimulatedRun run(Duration duration) {
		return run(duration, (run) -> {
		});
	}

	long firstLeak(Resource resource) {
		return this.firstLeak.getOrDefault(resource, -1L);
	}

	boolean anyLeak() {
		return !this.firstLeak.isEmpty();
	}

	int forced() {
		return this.jvm.forced().size();
	}

}
