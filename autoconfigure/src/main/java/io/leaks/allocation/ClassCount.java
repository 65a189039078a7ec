package io.leaks.allocation;

/**
 * How many old-object samples were of one class.
 *
 * @param className the class, in source form
 * @param samples its samples
 */
public record ClassCount(String className, long samples) {

}
