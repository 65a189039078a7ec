package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.leaks.workloads.scenario.Pools;
import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * Tasks on a small pool add an audit entry to a thread-local list and never remove it; the
 * pool's threads live on, so each list grows with every task its thread runs.
 */
public final class ThreadLocalLeak extends SteadyLeak {

	static final int DETAILS_BYTES = 2048;

	static final int THREADS = 4;

	static final Duration FILL = Duration.ofMinutes(25);

	private static final ThreadLocal<List<AuditEntry>> AUDIT = ThreadLocal.withInitial(ArrayList::new);

	private final ExecutorService pool;

	public ThreadLocalLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "threadlocal-leak"),
				settings.onsetOr(Duration.ZERO), DETAILS_BYTES + 64);
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(THREADS, (task) -> {
			Thread thread = new Thread(task, "audit-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	void keep(long index) {
		this.pool.execute(() -> AUDIT.get().add(new AuditEntry(index, new byte[DETAILS_BYTES])));
	}

	@Override
	void drop() {
		// The entries live in the pool threads' maps: they go with the threads.
		Pools.stop(this.pool, true);
	}

	@Override
	public String describe() {
		return "thread-local leak: tasks on a " + THREADS + "-thread pool add an AuditEntry (2 KiB) to a ThreadLocal "
				+ "list and never remove it, " + pace();
	}

	/**
	 * What a task audited.
	 *
	 * @param task the task's number
	 * @param details what it recorded
	 */
	record AuditEntry(long task, byte[] details) {

	}

}
