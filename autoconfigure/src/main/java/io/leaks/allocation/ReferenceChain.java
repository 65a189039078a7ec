package io.leaks.allocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Old-object samples that are kept alive the same way: the same classes and fields from the
 * same kind of GC root to the same class of object (array indices and thread names may
 * differ).
 *
 * @param objectClass the class of the sampled objects
 * @param count how many samples share this chain
 * @param root the GC root of the first of them, or {@code null} when no path was found
 * @param path the first sample's chain, from the root-held object to the sampled object
 * @param allocationSite {@code class.method:line} of the first application frame where the
 * first of them was allocated, or {@code null} without a stack trace
 * @param oldestAgeMillis age of the oldest of them when the recording ended
 */
public record ReferenceChain(String objectClass, long count, @Nullable GcRoot root, List<PathStep> path,
		@Nullable String allocationSite, long oldestAgeMillis) {

	/**
	 * Whether a class is the sampled one or on the chain that holds it.
	 * @param className a canonical class name
	 * @return whether the chain involves the class
	 */
	public boolean involves(String className) {
		return this.objectClass.equals(className)
				|| this.path.stream().anyMatch((step) -> step.className().equals(className));
	}

}
