package io.leaks.actuate;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Answer to a successful {@code DELETE}.
 *
 * @param deleted what was deleted
 * @param message a sentence saying so
 */
public record Deleted(String deleted, String message) implements OperationResponseBody {

}
