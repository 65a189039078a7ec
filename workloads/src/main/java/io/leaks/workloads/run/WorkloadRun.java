package io.leaks.workloads.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.leaks.workloads.WorkloadProperties;
import io.leaks.workloads.load.BackgroundLoad;
import io.leaks.workloads.load.BackgroundSettings;
import io.leaks.workloads.load.SelfTraffic;
import io.leaks.workloads.scenario.HeapSizing;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One run of a scenario: starts it with the background traffic once the service is up,
 * advances both on threads of their own, notes the phases ({@code start},
 * {@code leak-start}, {@code leak-stop}, {@code exhausted}, {@code end}) in the trace, and
 * ends after the duration, or a while after the heap was exhausted.
 */
public final class WorkloadRun implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WorkloadRun.class);

	static final Duration TICK = Duration.ofMillis(100);

	/** How long after its duration (and its time with a full heap) a run is ended regardless. */
	static final Duration DEADLINE_MARGIN = Duration.ofMinutes(2);

	private final Workload workload;

	private final WorkloadProperties properties;

	private final Consumer<String> marks;

	private final CompletableFuture<Integer> ended = new CompletableFuture<>();

	private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(3, (task) -> {
		Thread thread = new Thread(task, "workload");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable Scenario scenario;

	private @Nullable BackgroundLoad background;

	private @Nullable HeapWatch heap;

	private long startNanos;

	private volatile long leakStartedMillis = -1;

	private volatile long exhaustedMillis = -1;

	private volatile boolean stopped;

	private volatile boolean ending;

	private final List<String> unmarked = new CopyOnWriteArrayList<>();

	/**
	 * @param workload the scenario to run
	 * @param properties the run's settings
	 * @param marks where phases are noted (the trace)
	 */
	public WorkloadRun(Workload workload, WorkloadProperties properties, Consumer<String> marks) {
		this.workload = workload;
		this.properties = properties;
		this.marks = marks;
	}

	/**
	 * Starts the scenario, its traffic, and real HTTP requests to the service's own API.
	 * @param port the port the service listens on, or 0 for no HTTP traffic
	 */
	public synchronized void start(int port) {
		WorkloadProperties.Background traffic = this.properties.getBackground();
		long sessions = (traffic.getSessions() != null) ? traffic.getSessions().toBytes()
				: BackgroundSettings.sessionBytesFor(Runtime.getRuntime().maxMemory());
		HeapSizing sizing = HeapSizing.ofThisJvm(sessions);
		ScenarioSettings settings = new ScenarioSettings(sizing, this.properties.getDuration(),
				this.properties.getRate(), this.properties.getOnset(), this.properties.getPeriod(),
				this.properties.getRamp(), this.properties.getShare(), this.properties.getLimit(), this::mark);
		Scenario made = this.workload.create(settings);
		this.scenario = made;
		this.background = new BackgroundLoad(new BackgroundSettings(traffic.getAllocation(), sessions,
				traffic.getSessionLife(), traffic.getHttp()), made::load, this.properties.getSeed());
		this.heap = new HeapWatch();
		this.startNanos = System.nanoTime();
		mark("start");
		mark("scenario " + this.workload.id() + ": " + made.describe() + "; heap max " + (sizing.max() >> 20)
				+ " MiB, free " + (sizing.free() >> 20) + " MiB; background " + traffic.getAllocation()
				+ " of requests, sessions of " + (sessions >> 20) + " MiB living " + traffic.getSessionLife().toSeconds()
				+ " s; duration " + this.properties.getDuration().toSeconds() + " s");
		this.threads.scheduleWithFixedDelay(this::tickScenario, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
		this.threads.scheduleWithFixedDelay(survivingMemoryErrors(this::advanceTraffic), 0, TICK.toMillis(),
				TimeUnit.MILLISECONDS);
		if (port > 0 && traffic.getHttp().perSecond() > 0) {
			SelfTraffic http = new SelfTraffic(port);
			long every = Math.max(1, (long) (1000 / traffic.getHttp().perSecond()));
			this.threads.scheduleWithFixedDelay(survivingMemoryErrors(() -> {
				if (!this.ending && Math.random() < made.load(elapsed())) {
					http.send();
				}
			}), every, every, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * A periodic task that an exception would cancel for good: on a full heap anything can
	 * fail for want of memory, and the next tick tries again.
	 */
	private static Runnable survivingMemoryErrors(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (OutOfMemoryError ex) {
				// Nothing to do: the heap is full, and the scenario's tick notes that.
			}
		};
	}

	private void tickScenario() {
		try {
			advanceScenario();
		}
		catch (OutOfMemoryError ex) {
			exhausted(elapsed(), "OutOfMemoryError: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("workload: the run failed; ending it", ex);
			end();
		}
	}

	private void advanceScenario() {
		Scenario running = this.scenario;
		if (running == null || this.ending) {
			return;
		}
		long elapsed = elapsed();
		if (elapsed >= this.properties.getDuration().toMillis() || (this.exhaustedMillis >= 0
				&& elapsed - this.exhaustedMillis >= this.properties.getAfterExhaustion().toMillis())) {
			end();
			return;
		}
		running.advance(elapsed);
		if (this.leakStartedMillis < 0 && running.leaking()) {
			this.leakStartedMillis = elapsed;
			mark("leak-start");
		}
		else if (this.leakStartedMillis >= 0 && !running.leaking() && !this.stopped) {
			this.stopped = true;
			mark("leak-stop");
		}
		if (this.heap != null && this.heap.afterLatestCollection() >= this.properties.getExhaustedAt()) {
			exhausted(elapsed, "the heap after the latest collection is over "
					+ Math.round(this.properties.getExhaustedAt() * 100) + "% of its max");
		}
	}

	/**
	 * The heap is full, or about to be: the leak stops there, so the service goes on for a
	 * while with a full heap (collections that free next to nothing) instead of thrashing
	 * until it can no longer end its own run.
	 */
	private void exhausted(long elapsed, String why) {
		if (this.exhaustedMillis >= 0) {
			return;
		}
		// First what needs no memory: the leak stops and the clock to the end starts.
		this.exhaustedMillis = elapsed;
		if (this.scenario != null) {
			this.scenario.stopLeaking();
		}
		try {
			logger.warn("workload: exhausted: " + why);
			mark("exhausted");
		}
		catch (OutOfMemoryError ex) {
			this.unmarked.add("exhausted");
		}
	}

	private void advanceTraffic() {
		BackgroundLoad traffic = this.background;
		if (traffic != null && !this.ending) {
			traffic.advance(elapsed());
		}
	}

	private long elapsed() {
		return (System.nanoTime() - this.startNanos) / 1_000_000;
	}

	private void mark(String text) {
		logger.info("workload: " + text);
		this.marks.accept(text);
	}

	private synchronized void end() {
		if (this.ending) {
			return;
		}
		this.ending = true;
		try {
			mark("end");
		}
		catch (OutOfMemoryError ex) {
			this.unmarked.add("end");
		}
		this.threads.shutdown();
		if (this.scenario != null) {
			this.scenario.release();
		}
		if (this.background != null) {
			this.background.release();
		}
		// Marks a full heap refused, now that there is room (later than they happened).
		this.unmarked.forEach(this::mark);
		this.ended.complete(0);
	}

	/**
	 * Waits for the run to end, and ends it if it is stuck well past its time.
	 * @return the exit code: 0, or 1 if the run had to be ended
	 */
	public int awaitEnd() {
		Duration longest = this.properties.getDuration().plus(this.properties.getAfterExhaustion()).plus(DEADLINE_MARGIN);
		try {
			return this.ended.get(longest.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.error("workload: the run did not end " + DEADLINE_MARGIN.toMinutes()
					+ " min after its duration; ending it now");
			end();
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
		catch (ExecutionException ex) {
			return 1;
		}
	}

	/**
	 * What the run does now.
	 * @return the status
	 */
	public WorkloadStatus status() {
		Scenario running = this.scenario;
		BackgroundLoad traffic = this.background;
		return new WorkloadStatus(this.workload.id(), this.workload.label().csv(), this.workload.resource(),
				(running != null) ? running.describe() : "not started", (running != null) ? elapsed() / 1000 : 0,
				this.properties.getDuration().toSeconds(), (running != null) ? running.held() : 0,
				running == null || running.heldInBytes(), running != null && running.leaking(),
				seconds(this.leakStartedMillis), seconds(this.exhaustedMillis), this.ended.isDone(),
				(traffic != null) ? traffic.requests() : 0, (traffic != null) ? traffic.sessionBytes() : 0);
	}

	private static @Nullable Long seconds(long millis) {
		return (millis >= 0) ? millis / 1000 : null;
	}

	@Override
	public void close() {
		if (this.scenario != null) {
			end();
		}
		this.threads.shutdownNow();
	}

}
