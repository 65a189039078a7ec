package io.leaks.demo.pattern;

import java.util.Map;

/**
 * Answer to {@code POST /demo/reset}.
 *
 * @param dropped per pattern id, the instances both variants retained before the reset
 * @param message what happened, in a sentence
 */
public record ResetResult(Map<String, Long> dropped, String message) {

}
