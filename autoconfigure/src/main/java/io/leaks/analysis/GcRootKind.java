package io.leaks.analysis;

/**
 * What keeps the start of a path alive.
 */
public enum GcRootKind {

	/** A static field of a class: lives as long as the class (usually the application). */
	STATIC_FIELD,

	/** A value in a thread's {@code ThreadLocal} map: lives as long as the thread. */
	THREAD_LOCAL,

	/** A local variable or operand on a thread's stack. */
	THREAD_STACK,

	/** A running thread itself (one of its fields). */
	THREAD,

	/** A global reference held by native code. */
	JNI_GLOBAL,

	/** A local reference held by native code on a thread's stack. */
	JNI_LOCAL,

	/** A class loaded by the bootstrap or platform loader, which is never unloaded. */
	SYSTEM_CLASS,

	/** An object used as a monitor by a thread holding its lock. */
	MONITOR,

	/** Anything else the JVM treats as a root (native stacks, VM internals). */
	OTHER

}
