package io.leaks.demo.pattern;

/**
 * A request the demo refuses; its message says what was wrong and how to fix it, and
 * {@link DemoErrorHandler} answers it with 400.
 */
public class BadDemoRequestException extends RuntimeException {

	public BadDemoRequestException(String message) {
		super(message);
	}

}
