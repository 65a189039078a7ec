package io.leaks.actuate;

import java.util.function.Supplier;

import io.leaks.gc.CollectionGuard.CollectionInProgressException;
import io.leaks.histogram.HistogramUnavailableException;

/**
 * Runs work that stops the world (a collection, a histogram) and turns the refusals of
 * the feature packages into statuses: busy is 429, a JVM that cannot do it is 503.
 */
final class HeapWork {

	private HeapWork() {
	}

	static <T> T run(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (CollectionInProgressException ex) {
			throw LeaksOperationException.tooManyRequests(ex.getMessage());
		}
		catch (HistogramUnavailableException ex) {
			throw LeaksOperationException.unavailable(ex.getMessage());
		}
	}

}
