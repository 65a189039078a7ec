package io.leaks.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import shark.ApplicationLeak;
import shark.CloseableHeapGraph;
import shark.HeapAnalysis;
import shark.HeapAnalysisFailure;
import shark.HeapAnalysisSuccess;
import shark.HeapAnalyzer;
import shark.HeapObject;
import shark.HprofHeapGraph;
import shark.HprofIndex;
import shark.IgnoredReferenceMatcher;
import shark.LeakTrace;
import shark.MetadataExtractor;
import shark.ReferenceMatcher;
import shark.ReferencePattern;

/**
 * LeakCanary's Shark 2.14 on a JVM heap dump, the baseline of {@link HeapAnalysisHarness}:
 * shortest paths from GC roots to every instance of the given classes, grouped into leaks
 * by signature, with retained sizes. Weak, soft, phantom and final referents are ignored,
 * as the analyzer ignores them. Prints one {@code result} line with its own figures. Run by
 * the harness as {@code java -Xmx... -cp benchmarks.jar io.leaks.benchmarks.SharkAnalysis <dump> <class>...}.
 */
public final class SharkAnalysis {

	private SharkAnalysis() {
	}

	public static void main(String[] args) throws Exception {
		File dump = new File(args[0]);
		List<String> classes = List.of(args).subList(1, args.length);
		long start = System.nanoTime();
		HeapAnalysis analysis;
		try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(dump, null,
				HprofIndex.Companion.defaultIndexedGcRootTags())) {
			List<ReferenceMatcher> ignored = List.of(referent("java.lang.ref.WeakReference"),
					referent("java.lang.ref.SoftReference"), referent("java.lang.ref.PhantomReference"),
					referent("java.lang.ref.Reference"), referent("java.lang.ref.FinalReference"));
			analysis = new HeapAnalyzer((step) -> System.out.println("step " + step.name())).analyze(dump, graph,
					(heap) -> instancesOf(heap, classes), ignored, true, List.of(), MetadataExtractor.Companion.getNO_OP());
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (analysis instanceof HeapAnalysisFailure failure) {
			System.out.println("failure " + failure.getException());
			System.exit(1);
		}
		HeapAnalysisSuccess success = (HeapAnalysisSuccess) analysis;
		int traces = 0;
		for (ApplicationLeak leak : success.getApplicationLeaks()) {
			traces += leak.getLeakTraces().size();
		}
		System.out.println("leaks " + success.getApplicationLeaks().size() + " traces " + traces);
		for (ApplicationLeak leak : success.getApplicationLeaks()) {
			LeakTrace trace = leak.getLeakTraces().get(0);
			System.out.println("trace " + trace.getLeakingObject().getClassName() + " x" + leak.getLeakTraces().size()
					+ " retained " + trace.getRetainedHeapByteSize() + ": " + trace.toSimplePathString().replace('\n', ' '));
		}
		System.out.println("result " + millis + " " + peakHeap() + " " + peakRss() + " " + cpuMillis());
	}

	private static ReferenceMatcher referent(String className) {
		return new IgnoredReferenceMatcher(new ReferencePattern.InstanceFieldPattern(className, "referent"));
	}

	private static Set<Long> instancesOf(shark.HeapGraph graph, List<String> classes) {
		Set<Long> ids = new HashSet<>();
		for (String name : classes) {
			HeapObject.HeapClass type = graph.findClassByName(name);
			if (type != null) {
				Iterator<HeapObject.HeapInstance> instances = type.getInstances().iterator();
				while (instances.hasNext()) {
					ids.add(instances.next().getObjectId());
				}
			}
		}
		return ids;
	}

	static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	static long peakRss() throws java.io.IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return -1;
	}

	static long cpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

}
