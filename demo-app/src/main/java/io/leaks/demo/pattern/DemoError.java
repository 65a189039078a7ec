package io.leaks.demo.pattern;

/**
 * Body of every refused demo request.
 *
 * @param status the HTTP status code
 * @param error the status's reason phrase
 * @param message what was wrong and how to fix it
 */
public record DemoError(int status, String error, String message) {

}
