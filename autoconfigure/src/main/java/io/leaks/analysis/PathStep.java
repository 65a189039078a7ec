package io.leaks.analysis;

import org.jspecify.annotations.Nullable;

/**
 * One object on a path from a GC root, and how it refers to the next one.
 *
 * @param className the object's class ({@code java.lang.Class} objects are named by the
 * class they stand for, and their static fields are {@code STATIC_FIELD} references)
 * @param referenceKind how it refers to the next object, or {@code null} on the last step
 * (the object the path leads to)
 * @param reference the field's name or the array index ({@code [12]}), or {@code null} on
 * the last step
 */
public record PathStep(String className, @Nullable ReferenceKind referenceKind, @Nullable String reference) {

	static PathStep last(String className) {
		return new PathStep(className, null, null);
	}

	/**
	 * This step with array indices left out, so that paths that differ only in where the
	 * object sits in an array match.
	 * @return the step as it appears in a path pattern
	 */
	PathStep pattern() {
		return (this.referenceKind == ReferenceKind.ARRAY_ELEMENT) ? new PathStep(this.className, this.referenceKind, "[]")
				: this;
	}

}
