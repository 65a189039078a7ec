package io.leaks.workloads.healthy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.leaks.workloads.scenario.Pools;
import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A worker pool that grows with its load, one thread per concurrent job, up to its maximum,
 * and stays there: threads climb steadily and then stop, which is not a leak.
 */
public final class PoolRamp implements Scenario {

	static final int MAX_THREADS = 200;

	static final Duration RAMP = Duration.ofMinutes(20);

	static final int BUFFER_BYTES = 32 * 1024;

	private final int max;

	private final Rate rate;

	private final ScenarioSettings settings;

	private final ThreadPoolExecutor pool;

	private final CountDownLatch stop = new CountDownLatch(1);

	private int jobs;

	private boolean full;

	public PoolRamp(ScenarioSettings settings) {
		this.settings = settings;
		this.max = settings.limitOr(MAX_THREADS);
		this.rate = settings.countRateOr(Rate.ofCount(this.max, settings.rampOr(RAMP)), "pool-ramp", "threads");
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(this.max, this.max, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "report-worker-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Override
	public void advance(long elapsedMillis) {
		int due = (int) Math.min(this.max, this.rate.over(elapsedMillis));
		while (this.jobs < due) {
			byte[] buffer = new byte[BUFFER_BYTES];
			this.pool.execute(() -> {
				try {
					this.stop.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				buffer[0] = 1;
			});
			this.jobs++;
		}
		if (this.jobs == this.max && !this.full) {
			this.full = true;
			this.settings.mark("pool-full");
		}
	}

	@Override
	public long held() {
		return this.pool.getPoolSize();
	}

	@Override
	public boolean heldInBytes() {
		return false;
	}

	@Override
	public void release() {
		this.stop.countDown();
		Pools.stop(this.pool, false);
	}

	@Override
	public String describe() {
		return "thread-pool ramp: a worker pool grows " + this.rate + " threads to its maximum of " + this.max
				+ " and stays there";
	}

}
