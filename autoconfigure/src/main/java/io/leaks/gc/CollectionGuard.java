package io.leaks.gc;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Lets one stop-the-world heap operation (an explicit GC, a class histogram, a live heap
 * dump) run at a time. A second request while one runs is refused rather than queued
 * (unless a short wait is configured), so a burst of requests can never stack up pauses in
 * the host or hold its request threads. Every full collection it lets through is counted
 * by why it was forced ({@link ForcedCollections}), so that {@code /trend}, the meters and
 * the budget see users' collections and automatic dumps as well as the trend's own.
 */
public final class CollectionGuard {

	private final ReentrantLock lock = new ReentrantLock();

	private final Duration wait;

	private final ForcedCollections forced;

	public CollectionGuard(Duration wait) {
		this(wait, new ForcedCollections());
	}

	public CollectionGuard(Duration wait, ForcedCollections forced) {
		this.wait = wait;
		this.forced = forced;
	}

	/**
	 * Runs the work unless another forced collection is in progress.
	 * @param <T> the result type
	 * @param work the work that forces a collection
	 * @return the work's result
	 * @throws CollectionInProgressException if another forced collection is running
	 */
	public <T> T run(Supplier<T> work) {
		return run(null, work);
	}

	/**
	 * Runs work that forces a full collection unless another one is in progress, and
	 * counts it once it is done.
	 * @param <T> the result type
	 * @param forcedFor why it forces one, or {@code null} if it does not or is counted
	 * elsewhere (the trend analysis counts its own live histograms, which its budget needs
	 * to see even where they come from elsewhere)
	 * @param work the work
	 * @return the work's result
	 * @throws CollectionInProgressException if another forced collection is running
	 */
	public <T> T run(ForcedCollections.@Nullable Reason forcedFor, Supplier<T> work) {
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
			T result = work.get();
			if (forcedFor != null) {
				// On the JVM's uptime, the clock the trend analysis keeps its budget on.
				this.forced.record(forcedFor, ManagementFactory.getRuntimeMXBean().getUptime());
			}
			return result;
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
