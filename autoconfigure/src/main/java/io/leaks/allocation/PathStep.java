package io.leaks.allocation;

import org.jspecify.annotations.Nullable;

/**
 * One object on a reference chain from a GC root to a sampled object.
 *
 * @param className the object's class, in source form; {@code java.lang.Class} for a class
 * whose static field holds the next step
 * @param reference how it refers to the next step: a field name, or an array index such as
 * {@code [12]}; {@code null} on the sampled object itself and where steps were skipped
 * @param description what JFR says about the object (a class name, a thread name, a size),
 * or {@code null}
 * @param skipped how many objects JFR left out between this step and the next (it keeps
 * both ends of a long chain)
 */
public record PathStep(String className, @Nullable String reference, @Nullable String description, int skipped) {

}
