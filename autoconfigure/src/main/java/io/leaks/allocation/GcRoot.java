package io.leaks.allocation;

import org.jspecify.annotations.Nullable;

/**
 * The GC root a reference chain starts from, as JFR's leak profiler names it.
 *
 * @param system the root's subsystem, such as {@code Threads}, {@code Class Loader Data}
 * or {@code JNI Global}
 * @param type the kind of root, such as {@code Stack Variable} or {@code Global Object Handle}
 * @param description more about it, such as {@code Thread Name: main}, or {@code null}
 */
public record GcRoot(String system, String type, @Nullable String description) {

}
