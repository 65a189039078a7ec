package io.leaks.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;

/**
 * Analyses one heap dump for a few classes: their instances, owners, paths from GC roots
 * and retained sizes. Meant to run in the analyzer's own JVM ({@link AnalyzerMain}): the
 * library it uses keeps an index of about the dump's size on disk beside the dump (a fresh
 * one per analysis) and maps it, so the analyzer's heap stays small whatever the dump's
 * size.
 */
public final class HeapAnalyzer {

	private final Limits limits;

	private final AnalysisProgress progress;

	public HeapAnalyzer(Limits limits, AnalysisProgress progress) {
		this.limits = limits;
		this.progress = progress;
	}

	/**
	 * Analyses a dump.
	 * @param dump the {@code .hprof} file; its index is written beside it, in a directory
	 * named after it with {@code .nbcache} appended
	 * @param name the dump's name for the result
	 * @param classes the classes to look at, as the JVM or the dump names them
	 * @return what the dump says about each class
	 * @throws IOException if the dump cannot be read
	 */
	public HeapAnalysis analyze(Path dump, String name, List<String> classes) throws IOException {
		long start = System.nanoTime();
		this.progress.onStep(AnalysisStep.INDEXING, name);
		Heap heap = HeapFactory.createHeap(dump.toFile());
		heap.getAllClasses();
		this.progress.onStep(AnalysisStep.COUNTING_INSTANCES, name);
		List<JavaClass> types = new ArrayList<>();
		for (String className : classes) {
			types.add(find(heap, className));
		}
		for (JavaClass type : types) {
			if (type != null) {
				type.getInstancesCount();
			}
		}
		this.progress.onStep(AnalysisStep.FINDING_PATHS, name);
		NetBeansObjectGraph graph = new NetBeansObjectGraph(heap);
		Instance any = anyInstance(heap, types);
		if (any != null) {
			graph.computePaths(any);
		}
		List<Instances> found = new ArrayList<>();
		for (JavaClass type : types) {
			found.add((type != null) ? reachable(graph, type) : null);
		}
		this.progress.onStep(AnalysisStep.FINDING_OWNERS, name);
		PathTree tree = new PathTree(graph);
		HolderSearch search = new HolderSearch(graph, tree);
		List<HolderSearch.Holders> holders = new ArrayList<>();
		for (Instances instances : found) {
			holders.add((instances != null) ? holders(tree, search, instances) : null);
		}
		this.progress.onStep(AnalysisStep.COMPUTING_RETAINED_SIZES, name);
		List<ClassFinding> findings = new ArrayList<>();
		for (int i = 0; i < classes.size(); i++) {
			JavaClass type = types.get(i);
			Instances instances = found.get(i);
			HolderSearch.Holders held = holders.get(i);
			if (type == null || instances == null || held == null) {
				findings.add(ClassFinding.missing(ClassNames.inDump(classes.get(i))));
				continue;
			}
			findings.add(finding(graph, type, instances, held));
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new HeapAnalysis(name, Files.size(dump), findings, millis);
	}

	private ClassFinding finding(ObjectGraph graph, JavaClass type, Instances instances, HolderSearch.Holders held) {
		List<Owner> owners = new ArrayList<>();
		for (HolderSearch.Candidate candidate : held.owners()) {
			RetainedSizes.Retained retained = RetainedSizes.of(graph, new long[] { candidate.id() },
					this.limits.maxRetainedObjects());
			owners.add(new Owner(candidate.path().target().className(), candidate.instances(), retained.bytes(),
					retained.exact(), candidate.path()));
		}
		RetainedSizes.Retained retained = RetainedSizes.of(graph, instances.ids(), this.limits.maxRetainedObjects());
		boolean exact = retained.exact() && instances.ids().length == instances.reachable();
		return new ClassFinding(type.getName(), true, type.getInstancesCount(), type.getAllInstancesSize(),
				retained.bytes(), exact, instances.reachable(), instances.examined().length, owners, held.paths());
	}

	private HolderSearch.Holders holders(PathTree tree, HolderSearch search, Instances instances) {
		List<long[]> chains = new ArrayList<>(instances.examined().length);
		for (long id : instances.examined()) {
			long[] chain = tree.chain(id);
			if (chain.length > 0) {
				chains.add(chain);
			}
		}
		double scale = chains.isEmpty() ? 1 : (double) instances.reachable() / chains.size();
		return search.search(chains, scale, this.limits.maxOwners(), this.limits.maxPaths());
	}

	private Instances reachable(ObjectGraph graph, JavaClass type) {
		long[] ids = new long[Math.min(Math.max(16, type.getInstancesCount()), this.limits.maxInstanceIds())];
		int kept = 0;
		long reachable = 0;
		Iterator<?> instances = type.getInstancesIterator();
		while (instances.hasNext()) {
			long id = ((Instance) instances.next()).getInstanceId();
			if (graph.parent(id) != ObjectGraph.NONE) {
				reachable++;
				if (kept < ids.length) {
					ids[kept++] = id;
				}
			}
		}
		long[] keptIds = Arrays.copyOf(ids, kept);
		long[] examined = sample(keptIds, this.limits.maxExamined());
		return new Instances(keptIds, examined, reachable);
	}

	/** Every n-th id, so that a sample spreads over the whole dump. */
	private static long[] sample(long[] ids, int max) {
		if (ids.length <= max) {
			return ids;
		}
		long[] sample = new long[max];
		double step = (double) ids.length / max;
		for (int i = 0; i < max; i++) {
			sample[i] = ids[(int) (i * step)];
		}
		return sample;
	}

	private static @Nullable Instance anyInstance(Heap heap, List<JavaClass> types) {
		for (JavaClass type : types) {
			if (type != null && type.getInstancesCount() > 0) {
				return (Instance) type.getInstancesIterator().next();
			}
		}
		Iterator<?> all = heap.getAllInstancesIterator();
		return all.hasNext() ? (Instance) all.next() : null;
	}

	private static @Nullable JavaClass find(Heap heap, String className) {
		String name = ClassNames.inDump(className);
		JavaClass exact = heap.getJavaClassByName(name);
		if (exact != null) {
			return exact;
		}
		// A lambda's counter and address change with every run: match on the stable name.
		String stable = ClassNames.stable(name);
		for (Object type : heap.getAllClasses()) {
			JavaClass candidate = (JavaClass) type;
			if (ClassNames.stable(candidate.getName()).equals(stable)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Bounds of one analysis.
	 *
	 * @param maxPaths most path groups per class
	 * @param maxOwners most owners per class
	 * @param maxExamined most instances per class whose paths are followed (a sample
	 * spread over all of them beyond it)
	 * @param maxInstanceIds most instance ids per class kept for the class's retained size
	 * @param maxRetainedObjects most objects explored for one retained size
	 */
	public record Limits(int maxPaths, int maxOwners, int maxExamined, int maxInstanceIds, long maxRetainedObjects) {

		/** Enough for every leak we have seen; fits a 256 MB analyzer heap. */
		public static final Limits DEFAULT = new Limits(5, 5, 20_000, 100_000, 250_000);

		public Limits {
			if (maxPaths < 1 || maxOwners < 1 || maxExamined < 1 || maxInstanceIds < 1 || maxRetainedObjects < 1) {
				throw new IllegalArgumentException("analysis limits must be positive");
			}
		}

	}

	/**
	 * The reachable instances of a class.
	 *
	 * @param ids their ids (at most {@code maxInstanceIds})
	 * @param examined the ones whose paths are followed
	 * @param reachable how many there are
	 */
	private record Instances(long[] ids, long[] examined, long reachable) {

	}

}
