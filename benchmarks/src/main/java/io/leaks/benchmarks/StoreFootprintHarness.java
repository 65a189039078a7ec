package io.leaks.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import io.leaks.gc.CollectionGuard;

/**
 * The starter's own retained heap with the snapshot store full at its default size
 * ({@code leaks.snapshots.max-count=10}): fills the store with live snapshots of this JVM
 * and measures the growth twice, as heap used after a full collection and as the bytes a
 * live class histogram attributes to the new objects. Run with
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.StoreFootprintHarness [count] [extraClasses]}.
 */
public final class StoreFootprintHarness {

	private StoreFootprintHarness() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int syntheticClasses = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		DiagnosticCommandHistogramSampler sampler = new DiagnosticCommandHistogramSampler(
				ManagementFactory.getPlatformMBeanServer());
		// A bare JVM has only ~700 classes with instances; a Spring Boot service has ~4,000,
		// so the store can also be filled with synthetic histograms of service size.
		HistogramSampler stored = (syntheticClasses > 0) ? (liveOnly) -> SyntheticHistograms.of(syntheticClasses, 1)
				: sampler;
		SnapshotStore store = new SnapshotStore(count);
		Snapshots snapshots = new Snapshots(stored, store, new CollectionGuard(Duration.ofSeconds(5)), Clock.systemUTC());
		snapshots.capture("warm-up", true);
		SyntheticHistograms.of(Math.max(1, syntheticClasses), 1);
		ClassHistogram before = sampler.sample(true);
		long usedBefore = usedAfterGc();
		for (int i = 0; i < count; i++) {
			snapshots.take("snapshot-" + i, true);
		}
		long usedAfter = usedAfterGc();
		ClassHistogram after = sampler.sample(true);
		HistogramDiff diff = HistogramDiff.between(before, after);
		int classes = store.latest().orElseThrow().histogram().classCount();
		System.out.printf("store: %d snapshots of %d classes each%n", store.list().size(), classes);
		System.out.printf("heap used after GC: +%,d bytes (%,d per snapshot)%n", usedAfter - usedBefore,
				(usedAfter - usedBefore) / count);
		System.out.printf("histogram diff:     +%,d bytes in +%,d objects (%,d bytes per snapshot)%n",
				diff.totals().bytesDelta(), diff.totals().instancesDelta(), diff.totals().bytesDelta() / count);
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			memory.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
