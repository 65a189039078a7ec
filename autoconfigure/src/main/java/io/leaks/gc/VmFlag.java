package io.leaks.gc;

/**
 * A VM flag ({@code -XX:} option) as the JVM reports it.
 *
 * @param name the flag's name without {@code -XX:}
 * @param value its current value
 * @param origin where the value came from ({@code DEFAULT}, {@code VM_CREATION},
 * {@code ERGONOMIC}, {@code MANAGEMENT}, ...)
 * @param writeable whether the JVM lets it change while running (a "manageable" flag)
 */
public record VmFlag(String name, String value, String origin, boolean writeable) {

}
