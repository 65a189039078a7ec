package io.leaks.demo.driver;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.Variant;
import io.leaks.unit.ByteSize;

import org.jspecify.annotations.Nullable;

/**
 * One run of the driver: called every tick on the driver's thread, it runs the operations
 * that fell due since the last tick, so low rates work with a fixed tick and high rates
 * never exceed what was asked.
 */
final class DriverJob implements Runnable {

	private final LeakPattern pattern;

	private final Variant variant;

	private final int perSecond;

	private final double operationsPerTick;

	private final Instant startedAt;

	private final Supplier<MemoryUsage> heap;

	private final double heapLimit;

	private final AtomicLong operations = new AtomicLong();

	/** Operations due but not run yet, below one; touched only by the driver's thread. */
	private double due;

	private volatile @Nullable String failure;

	private @Nullable ScheduledFuture<?> schedule;

	DriverJob(LeakPattern pattern, Variant variant, int perSecond, Duration tick, Instant startedAt,
			Supplier<MemoryUsage> heap, double heapLimit) {
		this.pattern = pattern;
		this.variant = variant;
		this.perSecond = perSecond;
		this.operationsPerTick = perSecond * tick.toNanos() / 1e9;
		this.startedAt = startedAt;
		this.heap = heap;
		this.heapLimit = heapLimit;
	}

	@Override
	public void run() {
		this.due += this.operationsPerTick;
		int now = (int) this.due;
		if (now == 0) {
			return;
		}
		this.due -= now;
		MemoryUsage usage = this.heap.get();
		if (usage.getMax() > 0 && usage.getUsed() > usage.getMax() * this.heapLimit) {
			// A leak left to fill the heap thrashes the GC for minutes before the JVM fails
			// (measured at 1,000 operations a second in 256 MiB): stop while it still answers.
			this.failure = String.format("the heap is %d%% full, %s of %s", usage.getUsed() * 100 / usage.getMax(),
					ByteSize.format(usage.getUsed()), ByteSize.format(usage.getMax()));
			throw new IllegalStateException("Heap limit reached: " + this.failure);
		}
		try {
			this.pattern.run(this.variant, now);
			this.operations.addAndGet(now);
		}
		catch (RuntimeException | Error ex) {
			this.failure = "it failed with " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			// Rethrown so the scheduler stops repeating a job that cannot go on.
			throw ex;
		}
	}

	void scheduledAs(ScheduledFuture<?> schedule) {
		this.schedule = schedule;
	}

	void cancel() {
		if (this.schedule != null) {
			this.schedule.cancel(false);
		}
	}

	boolean isRunning() {
		return this.schedule != null && !this.schedule.isDone();
	}

	DriverStatus status() {
		String target = this.pattern.info().id() + "/" + this.variant.id();
		String message;
		if (isRunning()) {
			message = "Running " + target + " at " + this.perSecond + " operations per second";
		}
		else if (this.failure != null) {
			message = "Stopped " + target + " after " + this.operations.get() + " operations because " + this.failure
					+ "; POST /demo/reset drops what the patterns retain";
		}
		else {
			message = "Stopped after " + this.operations.get() + " operations of " + target;
		}
		return new DriverStatus(isRunning(), this.pattern.info().id(), this.variant.id(), this.perSecond,
				this.operations.get(), this.startedAt, message);
	}

}
