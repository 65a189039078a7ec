package io.leaks.demo.pattern;

/**
 * Answer to {@code POST /demo/patterns/{pattern}/{variant}}.
 *
 * @param pattern the pattern id
 * @param variant {@code leaking} or {@code fixed}
 * @param operations how many operations ran
 * @param leakingClass the class to look for in a histogram diff
 * @param created instances of that class the operations created
 * @param retained instances of that class the variant keeps reachable now
 * @param durationMillis how long the operations took
 */
public record RunResult(String pattern, String variant, int operations, String leakingClass, long created,
		long retained, long durationMillis) {

}
