package io.leaks.demo.threadlocals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.Variant;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Serves each request as a task on a small pool of worker threads; the task records an
 * audit entry in a {@link ThreadLocal} trail.
 */
@Component
@Order(5)
public class ThreadLocalsPattern implements LeakPattern, DisposableBean {

	static final int WORKER_THREADS = 4;

	private static final PatternInfo INFO = new PatternInfo("threadlocals", "ThreadLocal in a thread pool",
			AuditEntry.class,
			"Each task adds an AuditEntry to a ThreadLocal list and never removes it: pooled threads live on, "
					+ "so each one's list grows with every request it serves",
			"The task removes the ThreadLocal in a finally block, so nothing outlives the request", 0);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicInteger workerNumbers = new AtomicInteger();

	private final AuditTrail leakingTrail = new AuditTrail();

	private final AuditTrail fixedTrail = new AuditTrail();

	/** Per worker thread id, the entries its trail held when its last task ended. */
	private final Map<Long, Integer> leakingHeld = new ConcurrentHashMap<>();

	private final Map<Long, Integer> fixedHeld = new ConcurrentHashMap<>();

	private ExecutorService workers = newWorkers();

	@Override
	public PatternInfo info() {
		return INFO;
	}

	@Override
	public synchronized long run(Variant variant, int count) {
		List<Future<?>> tasks = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String requestId = "request-" + this.requests.incrementAndGet();
			Runnable task = (variant == Variant.LEAKING) ? () -> serveLeaking(requestId)
					: () -> serveFixed(requestId);
			tasks.add(this.workers.submit(task));
		}
		for (Future<?> task : tasks) {
			awaitTask(task);
		}
		return count;
	}

	private void serveLeaking(String requestId) {
		this.leakingTrail.record(audit(requestId));
		this.leakingHeld.put(Thread.currentThread().getId(), this.leakingTrail.size());
	}

	private void serveFixed(String requestId) {
		try {
			this.fixedTrail.record(audit(requestId));
		}
		finally {
			this.fixedTrail.clear();
		}
		this.fixedHeld.put(Thread.currentThread().getId(), this.fixedTrail.size());
	}

	private static AuditEntry audit(String requestId) {
		return new AuditEntry(requestId, Instant.now(), new byte[AuditEntry.DETAILS_BYTES]);
	}

	private static void awaitTask(Future<?> task) {
		try {
			task.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the workers", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A worker task failed", ex.getCause());
		}
	}

	@Override
	public long retained(Variant variant) {
		Map<Long, Integer> held = (variant == Variant.LEAKING) ? this.leakingHeld : this.fixedHeld;
		return held.values().stream().mapToLong(Integer::longValue).sum();
	}

	/**
	 * Another thread's {@link ThreadLocal} cannot be cleared from outside, so the reset
	 * replaces the pool: a thread's values go when the thread ends.
	 */
	@Override
	public synchronized void reset() {
		ExecutorService old = this.workers;
		this.workers = newWorkers();
		old.shutdown();
		try {
			if (!old.awaitTermination(5, TimeUnit.SECONDS)) {
				old.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.leakingHeld.clear();
		this.fixedHeld.clear();
	}

	@Override
	public synchronized void destroy() {
		this.workers.shutdownNow();
	}

	private ExecutorService newWorkers() {
		return Executors.newFixedThreadPool(WORKER_THREADS, (task) -> {
			Thread thread = new Thread(task, "audit-worker-" + this.workerNumbers.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

}
