package io.leaks.demo.cycles;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A node of a parent/child tree: the parent holds its children and each child points back
 * to its parent, a reference cycle. The back link is either strong (the cycle CPython's
 * reference counting alone cannot free) or weak (Python's {@code weakref} fix).
 */
public final class TreeNode {

	/** Size of a node's payload: small, but 1,000 trees of them would show in a diff. */
	static final int PAYLOAD_BYTES = 512;

	private final String name;

	private final byte[] payload = new byte[PAYLOAD_BYTES];

	/** How to reach the parent; {@code null} for a root. */
	private final @Nullable Supplier<@Nullable TreeNode> parent;

	private final List<TreeNode> children = new ArrayList<>(2);

	private TreeNode(String name, @Nullable Supplier<@Nullable TreeNode> parent) {
		this.name = name;
		this.parent = parent;
	}

	static TreeNode root(String name) {
		return new TreeNode(name, null);
	}

	/**
	 * Adds a child that points back to this node.
	 * @param name the child's name
	 * @param weakParent whether the back link is a {@link WeakReference}
	 * @return the child
	 */
	TreeNode addChild(String name, boolean weakParent) {
		Supplier<@Nullable TreeNode> link;
		if (weakParent) {
			link = new WeakReference<>(this)::get;
		}
		else {
			link = () -> this;
		}
		TreeNode child = new TreeNode(name, link);
		this.children.add(child);
		return child;
	}

	/**
	 * The names from the root down to this node, found by following the parent links.
	 * @return a path such as {@code order-7/line-0/line-1}
	 */
	String path() {
		TreeNode parentNode = (this.parent != null) ? this.parent.get() : null;
		return (parentNode != null) ? parentNode.path() + "/" + this.name : this.name;
	}

}
