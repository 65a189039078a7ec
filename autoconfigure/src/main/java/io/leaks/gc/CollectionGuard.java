package io.leaks.gc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one forced full collection (an explicit GC or a live class histogram) run at a
 * time. A second request while one runs is refused rather than queued, so a burst of
 * requests can never stack up stop-the-world pauses in the host.
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
			super("Another forced garbage collection (GC or live snapshot) is in progress; retry when it has finished");
		}

	}

}
