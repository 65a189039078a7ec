package io.leaks.demo.driver;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.Variant;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one pattern continuously at a bounded rate on a single daemon thread it owns, shut
 * down with the application context. Starting it again replaces what it runs. It stops by
 * itself when the heap is {@value #HEAP_LIMIT_PERCENT}% full, so a leak it drives leaves
 * the application able to answer.
 */
@Component
public class LoadDriver implements DisposableBean {

	/** Highest rate accepted: about 2-4 MiB a second for the leaking variants. */
	public static final int MAX_PER_SECOND = 1000;

	/**
	 * Used heap, garbage included, above which the driver stops. Young generations are
	 * capped well below this (60% of the heap for G1), so garbage alone does not reach it.
	 */
	static final int HEAP_LIMIT_PERCENT = 80;

	static final Duration TICK = Duration.ofMillis(100);

	private final Supplier<MemoryUsage> heap;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "leaks-demo-driver");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable DriverJob job;

	public LoadDriver() {
		this(ManagementFactory.getMemoryMXBean()::getHeapMemoryUsage);
	}

	LoadDriver(Supplier<MemoryUsage> heap) {
		this.heap = heap;
	}

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
		DriverJob next = new DriverJob(pattern, variant, perSecond, TICK, Instant.now(), this.heap,
				HEAP_LIMIT_PERCENT / 100.0);
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
