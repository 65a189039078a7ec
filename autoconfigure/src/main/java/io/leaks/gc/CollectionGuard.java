package io.leaks.gc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one stop-the-world heap operation (an explicit GC, a class histogram, a live heap
 * dump) run at a time. A second request while one runs is refused rather than queued
 * (unless a short wait is configured), so a burst of requests can never stack up pauses in
 * the host or hold its request threads.
 */
public final class CollectionGuard {

	private final ReentrantLock lock = new ReentrantLock();

	private final Duration wait;

	public CollectionGuard(Duration wait) {
		this.wait = wait;
	}

	/**
	 * Runs the work unless another forced collection is in progress.
	 * @param <T> the result type
	 * @param work the work that forces a collection
	 * @return the work's result
	 * @throws CollectionInProgressException if another forced collection is running
	 */
	public <T> T run(Supplier<T> work) {
		boolean locked;
		try {
			locked = this.lock.tryLock(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CollectionInProgressException();
		}
		if (!locked) {
			throw new CollectionInProgressException();
		}
		try {
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Thrown when a forced collection is refused because another one is running.
	 */
	public static class CollectionInProgressException extends RuntimeException {

		public CollectionInProgressException() {
			super("Another heap operation (GC, snapshot or heap dump) is in progress: they run one at a time "
					+ "so that their pauses never stack up. Retry when it has finished");
		}

	}

}
