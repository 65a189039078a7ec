package io.leaks.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leaks.unit.ByteSize;

/**
 * Words the findings of an analysis for people: the one place its sentences are made, so
 * that the findings themselves stay values. Class names are shortened to their simple
 * names (lambdas without their counter and address).
 */
public final class AnalysisText {

	private static final String ARROW = " \u2192 ";

	private AnalysisText() {
	}

	/**
	 * One line per class: its instances and retained size, and its main owners.
	 * @param analysis an analysis of one dump
	 * @return the lines
	 */
	public static List<String> summary(HeapAnalysis analysis) {
		List<String> lines = new ArrayList<>();
		for (ClassFinding finding : analysis.classes()) {
			if (!finding.found()) {
				lines.add(simple(finding.className()) + ": not in " + analysis.heapDump());
				continue;
			}
			StringBuilder line = new StringBuilder(simple(finding.className())).append(": ")
				.append(count(finding.instances()))
				.append(" instances, retaining ")
				.append(bytes(finding.retainedBytes(), finding.retainedExact()));
			if (finding.owners().isEmpty()) {
				line.append("; no single owner");
			}
			for (Owner owner : finding.owners()) {
				line.append("; ").append(owner(owner, finding.className()));
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * One line per class that grew: the owners that gained instances.
	 * @param growth a comparison of two dumps
	 * @return the lines
	 */
	public static List<String> summary(HeapGrowth growth) {
		List<String> lines = new ArrayList<>();
		for (HeapGrowth.ClassGrowth type : growth.classes()) {
			StringBuilder line = new StringBuilder(simple(type.className())).append(": ")
				.append(signed(type.instancesDelta()))
				.append(" instances (")
				.append(count(type.instancesFrom()))
				.append(ARROW)
				.append(count(type.instancesTo()))
				.append(")");
			List<HeapGrowth.OwnerGrowth> growing = type.owners().stream().filter(HeapGrowth.OwnerGrowth::growing).toList();
			if (growing.isEmpty()) {
				line.append("; no owner grew");
			}
			for (HeapGrowth.OwnerGrowth owner : growing) {
				line.append("; ")
					.append(heldBy(owner.path()))
					.append(ARROW)
					.append(simple(owner.className()))
					.append(" gained ")
					.append(count(owner.instancesDelta()))
					.append(", ")
					.append((owner.retainedBytesDelta() >= 0) ? "+" : "")
					.append(ByteSize.format(owner.retainedBytesDelta()));
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * An owner in one phrase: {@code static field OrderEventBus.listeners → CopyOnWriteArrayList
	 * holds 1,000 OrderListener, retaining 2.2 MiB}.
	 * @param owner the owner
	 * @param className the class it holds
	 * @return the phrase
	 */
	public static String owner(Owner owner, String className) {
		return heldBy(owner.path()) + ARROW + simple(owner.className()) + " holds " + count(owner.instances()) + " "
				+ simple(className) + ", retaining " + bytes(owner.retainedBytes(), owner.exact());
	}

	/**
	 * What holds the object a path leads to: the reference from the last-but-one step, and
	 * the thread for a thread-local.
	 * @param path a path
	 * @return a phrase such as {@code static field OrderEventBus.listeners}
	 */
	public static String heldBy(RootPath path) {
		List<PathStep> steps = path.steps();
		GcRoot root = path.root();
		String thread = (root.thread() != null) ? " of thread '" + root.thread() + "'" : "";
		if (steps.size() < 2) {
			return root(root);
		}
		PathStep holder = steps.get(steps.size() - 2);
		ReferenceKind kind = (holder.referenceKind() != null) ? holder.referenceKind() : ReferenceKind.INSTANCE_FIELD;
		String reference = switch (kind) {
			case STATIC_FIELD -> "static field " + simple(holder.className()) + "." + holder.reference();
			case ARRAY_ELEMENT -> "element of " + simple(holder.className());
			case CLASS -> "class " + simple(holder.className());
			case INSTANCE_FIELD -> "field " + simple(holder.className()) + "." + holder.reference();
		};
		if (root.kind() == GcRootKind.THREAD_LOCAL) {
			return "thread-local" + thread + " (" + reference + ")";
		}
		return reference;
	}

	/**
	 * A path on one line: {@code static HandlerRegistry.HANDLERS → ConcurrentHashMap.table →
	 * ConcurrentHashMap$Node[][3] → ConcurrentHashMap$Node.val → RequestHandler}.
	 * @param path the path
	 * @return the line
	 */
	public static String path(RootPath path) {
		StringBuilder line = new StringBuilder(root(path.root())).append(':');
		for (PathStep step : path.steps()) {
			line.append(' ');
			if (step.referenceKind() == ReferenceKind.STATIC_FIELD) {
				line.append("static ");
			}
			line.append(simple(step.className()));
			if (step.referenceKind() == ReferenceKind.ARRAY_ELEMENT) {
				line.append(step.reference());
			}
			else if (step.reference() != null) {
				line.append('.').append(step.reference());
			}
			if (step.referenceKind() != null) {
				line.append(ARROW.stripTrailing());
			}
		}
		return line.toString();
	}

	/**
	 * A GC root in words.
	 * @param root the root
	 * @return a phrase such as {@code thread 'main' stack}
	 */
	public static String root(GcRoot root) {
		String thread = (root.thread() != null) ? "'" + root.thread() + "'" : "?";
		return switch (root.kind()) {
			case STATIC_FIELD -> "static field of " + simple(root.className());
			case THREAD_LOCAL -> "thread-local of thread " + thread;
			case THREAD_STACK -> "stack of thread " + thread + ((root.frame() != null) ? " at " + root.frame() : "");
			case THREAD -> "thread " + thread;
			case JNI_GLOBAL -> "JNI global " + simple(root.className());
			case JNI_LOCAL -> "JNI local " + simple(root.className());
			case SYSTEM_CLASS -> "system class " + simple(root.className());
			case MONITOR -> "monitor " + simple(root.className());
			case OTHER -> "GC root " + simple(root.className());
		};
	}

	private static String simple(String className) {
		return ClassNames.simple(className);
	}

	private static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static String signed(long count) {
		return String.format(Locale.ROOT, "%+,d", count);
	}

	private static String bytes(long bytes, boolean exact) {
		return (exact ? "" : "at least ") + ByteSize.format(bytes);
	}

}
