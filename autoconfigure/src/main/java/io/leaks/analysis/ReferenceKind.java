package io.leaks.analysis;

/**
 * How one object on a path refers to the next.
 */
public enum ReferenceKind {

	/** A static field of the class at this step. */
	STATIC_FIELD,

	/** A field of the object at this step. */
	INSTANCE_FIELD,

	/** An element of the array at this step. */
	ARRAY_ELEMENT,

	/** The object's class (every object keeps its class loaded). */
	CLASS

}
