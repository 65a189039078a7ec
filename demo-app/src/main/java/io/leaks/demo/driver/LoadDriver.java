package io.leaks.demo.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.Variant;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one pattern continuously at a bounded rate on a single daemon thread it owns, shut
 * down with the application context. Starting it again replaces what it runs.
 */
@Component
public class LoadDriver implements DisposableBean {

	/** Highest rate accepted: about 2-4 MB a second for the leaking variants. */
	public static final int MAX_PER_SECOND = 1000;

	static final Duration TICK = Duration.ofMillis(100);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "leaks-demo-driver");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable DriverJob job;

	/**
	 * Starts running a pattern, replacing whatever ran before.
	 * @param pattern the pattern
	 * @param variant the variant
	 * @param perSecond operations per second, 1 to {@value #MAX_PER_SECOND}
	 * @return the new status
	 */
	public synchronized DriverStatus start(LeakPattern pattern, Variant variant, int perSecond) {
		if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
			throw new IllegalArgumentException("perSecond must be from 1 to " + MAX_PER_SECOND + ", was " + perSecond);
		}
		if (this.job != null) {
			this.job.cancel();
		}
		DriverJob next = new DriverJob(pattern, variant, perSecond, TICK, Instant.now());
		next.scheduledAs(this.scheduler.scheduleAtFixedRate(next, TICK.toMillis(), TICK.toMillis(),
				TimeUnit.MILLISECONDS));
		this.job = next;
		return next.status();
	}

	public synchronized DriverStatus stop() {
		if (this.job != null) {
			this.job.cancel();
		}
		return status();
	}

	public synchronized DriverStatus status() {
		return (this.job != null) ? this.job.status() : DriverStatus.idle();
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
