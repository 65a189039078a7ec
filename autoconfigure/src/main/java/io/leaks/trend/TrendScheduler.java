package io.leaks.trend;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link LeakWatch} on one daemon thread that the starter owns, so the host
 * application needs no {@code @EnableScheduling} and its own schedulers are untouched.
 * Starts the GC notification recorder and the collection-usage warning with the context
 * and stops all of them when it closes. A failing tick is logged and the next one runs.
 */
public final class TrendScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrendScheduler.class);

	static final String THREAD_NAME = "leaks-trend";

	private final LeakWatch watch;

	private final GcEventRecorder recorder;

	private final @Nullable CollectionUsageWarning warning;

	private @Nullable ScheduledExecutorService executor;

	public TrendScheduler(LeakWatch watch, GcEventRecorder recorder, @Nullable CollectionUsageWarning warning) {
		this.watch = watch;
		this.recorder = recorder;
		this.warning = warning;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.recorder.start();
		if (this.warning != null) {
			this.warning.start();
			this.watch.countWarnings(this.warning::warnings);
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.watch.settings().interval().toMillis();
		this.executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			this.watch.tick();
		}
		catch (Throwable ex) {
			// A scheduled task that throws is never run again: log and keep watching.
			logger.error("leaks: trend analysis failed; it runs again in " + this.watch.settings().interval(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return;
		}
		this.executor = null;
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.recorder.close();
		if (this.warning != null) {
			this.warning.close();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
