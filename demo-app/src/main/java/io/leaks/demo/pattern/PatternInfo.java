package io.leaks.demo.pattern;

/**
 * What a pattern is about.
 *
 * @param id the id used in URLs
 * @param title a few words
 * @param leakingClass the class a histogram diff names when the leaking variant runs
 * @param leak what leaks, in a sentence
 * @param fix what the fixed variant does differently, in a sentence
 * @param fixedBound the most instances of the leaking class the fixed variant keeps
 */
public record PatternInfo(String id, String title, Class<?> leakingClass, String leak, String fix, int fixedBound) {

}
