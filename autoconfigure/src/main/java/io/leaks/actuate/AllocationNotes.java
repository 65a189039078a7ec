package io.leaks.actuate;

import io.leaks.allocation.AllocationRecordings;

/**
 * The sentences that go with allocation figures: what sampling can and cannot say, worded
 * in one place.
 */
final class AllocationNotes {

	private AllocationNotes() {
	}

	static String sampling(AllocationRecordings.Settings settings) {
		return "JFR samples allocations when a thread refills its allocation buffer or allocates a large object, "
				+ "at most " + settings.samplesPerSecond() + " per second; each sample stands for the bytes its "
				+ "thread allocated since the previous one, so sampledBytes estimates the bytes allocated at a site. "
				+ "Small objects are sampled rarely: look for the arrays they hold (byte[], Object[]) too";
	}

	static String oldObjects(AllocationRecordings.Settings settings) {
		return "Old-object samples cannot be asked for a class: JFR keeps a few hundred sampled allocations "
				+ "(favouring large ones) and reports those still alive at the end, with the chain from a GC root "
				+ "searched for at most " + settings.pathCutoff().toMillis() + " ms (a pause of the application). "
				+ "sampledClasses says what was sampled; a class absent from it may still leak";
	}

}
