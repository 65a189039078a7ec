package io.leaks.workloads.scenario;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ending the thread pools scenarios own.
 */
public final class Pools {

	private Pools() {
	}

	/**
	 * Stops a pool and waits a while for its threads to end.
	 * @param pool the pool
	 * @param interrupt whether to interrupt running tasks
	 */
	public static void stop(ExecutorService pool, boolean interrupt) {
		if (interrupt) {
			pool.shutdownNow();
		}
		else {
			pool.shutdown();
		}
		try {
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
