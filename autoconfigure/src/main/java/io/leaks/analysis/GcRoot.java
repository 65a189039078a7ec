package io.leaks.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The start of a path from a GC root.
 *
 * @param kind what keeps it alive
 * @param className the class whose static field holds the path ({@code STATIC_FIELD}), or
 * the class of the root object otherwise
 * @param thread the thread's name, for thread roots and thread-locals
 * @param frame the stack frame ({@code Class.method(File.java:12)}) for a stack root, when
 * the dump has it
 */
public record GcRoot(GcRootKind kind, String className, @Nullable String thread, @Nullable String frame) {

}
