package io.leaks.benchmarks.replay;

import java.util.List;

import io.leaks.trace.Trace;
import io.leaks.trend.GcNotification;
import io.leaks.trend.MemorySample;
import io.leaks.trend.MemorySource;

/**
 * Memory samples from a trace: the recorded sample a judgement took (the latest one not
 * after it), or, for a trace without samples (a converted log), what the collections say:
 * heap after the last one, committed heap, and the max heap the trace knows.
 */
final class RecordedMemory implements MemorySource {

	private final List<MemorySample> samples;

	private final List<GcNotification> collections;

	private final long maxHeap;

	private int nextSample;

	private int nextCollection;

	RecordedMemory(Trace trace) {
		this.samples = trace.samples();
		this.collections = trace.collections();
		this.maxHeap = trace.maxHeap();
	}

	@Override
	public MemorySample sample(long atMillis) {
		while (this.nextSample < this.samples.size() && this.samples.get(this.nextSample).atMillis() <= atMillis) {
			this.nextSample++;
		}
		if (this.nextSample > 0) {
			MemorySample recorded = this.samples.get(this.nextSample - 1);
			return new MemorySample(atMillis, recorded.heapUsed(), recorded.heapCommitted(), recorded.heapMax(),
					recorded.metaspaceUsed(), recorded.metaspaceMax(), recorded.loadedClasses(),
					recorded.liveThreads(), recorded.directBytes(), recorded.mappedBytes(), recorded.residentBytes());
		}
		while (this.nextCollection < this.collections.size()
				&& this.collections.get(this.nextCollection).endMillis() <= atMillis) {
			this.nextCollection++;
		}
		long used = 0;
		long committed = 0;
		if (this.nextCollection > 0) {
			GcNotification last = this.collections.get(this.nextCollection - 1);
			used = last.usedAfter();
			committed = last.committedAfter();
		}
		return new MemorySample(atMillis, used, committed, this.maxHeap, -1, -1, -1, -1, 0, 0, -1);
	}

}
