package io.leaks.gc;

/**
 * One flag changed (or to be changed).
 *
 * @param flag the flag's name
 * @param before its value before
 * @param after its value after
 */
public record FlagChange(String flag, String before, String after) {

}
