package io.leaks.allocation;

import java.util.List;

/**
 * Where a class was allocated: the first application frame of its sampled allocations,
 * like a line of tracemalloc's {@code lineno} statistics.
 *
 * @param site {@code class.method:line} of the first application frame, or of the
 * allocating frame when no frame is the application's
 * @param applicationFrame whether {@code site} is application code
 * @param samples sampled allocations at this site
 * @param sampledBytes bytes those samples stand for (an estimate of the bytes allocated here)
 * @param stack the application frames of the heaviest sample at this site, {@code site}
 * first, its callers after it
 */
public record AllocationSite(String site, boolean applicationFrame, long samples, long sampledBytes,
		List<String> stack) {

	/** The site of samples that carried no stack trace. */
	public static final String NO_STACK_TRACE = "(no stack trace)";

}
