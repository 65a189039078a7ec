package io.leaks.demo.cycles;

import java.lang.ref.Reference;

import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.SequentialPattern;
import io.leaks.demo.pattern.Variant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds a small parent/child tree per operation, walks it through the parent links and
 * drops it. On the JVM neither variant leaks: a tracing collector frees unreachable
 * cycles; the "leaking" variant is only what leaks under pure reference counting.
 */
@Component
@Order(4)
public class CyclesPattern extends SequentialPattern {

	/** Children per node and levels below the root: 1 + 2 + 4 = 7 nodes per tree. */
	static final int FAN_OUT = 2;

	static final int DEPTH = 2;

	public CyclesPattern() {
		super(new PatternInfo("cycles", "Circular references", TreeNode.class,
				"Parent and child point at each other (strong back links): CPython's reference counting alone never "
						+ "frees such a cycle, but the JVM's tracing GC does, so nothing leaks",
				"Weak back links (Python's weakref fix) break the cycle; on the JVM it makes no difference, which a "
						+ "snapshot diff after GC shows for both variants",
				0));
	}

	@Override
	protected long runLeaking(long operation) {
		return buildAndDrop(operation, false);
	}

	@Override
	protected long runFixed(long operation) {
		return buildAndDrop(operation, true);
	}

	private static long buildAndDrop(long operation, boolean weakParents) {
		TreeNode root = TreeNode.root("order-" + operation);
		long nodes = 1 + grow(root, DEPTH, weakParents);
		// With weak back links only this local keeps the ancestors strongly reachable
		// while leaves walk up to the root; without the fence the JIT may end its life early.
		Reference.reachabilityFence(root);
		return nodes;
	}

	private static long grow(TreeNode node, int levels, boolean weakParents) {
		if (levels == 0) {
			if (!node.path().startsWith("order-")) {
				throw new IllegalStateException("A leaf lost its way to the root: " + node.path());
			}
			return 0;
		}
		long added = 0;
		for (int i = 0; i < FAN_OUT; i++) {
			TreeNode child = node.addChild("line-" + i, weakParents);
			added += 1 + grow(child, levels - 1, weakParents);
		}
		return added;
	}

	/**
	 * Nothing holds a tree once its operation returns, in either variant.
	 */
	@Override
	public long retained(Variant variant) {
		return 0;
	}

	@Override
	public void reset() {
	}

}
