package io.leaks.actuate;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.http.HttpStatus;

/**
 * Body of every refused request.
 *
 * @param status the HTTP status code
 * @param error the status's reason phrase
 * @param message what was wrong and how to fix it
 */
public record ErrorResponse(int status, String error, String message) implements OperationResponseBody {

	public static ErrorResponse of(int status, String message) {
		HttpStatus resolved = HttpStatus.resolve(status);
		return new ErrorResponse(status, (resolved != null) ? resolved.getReasonPhrase() : "Error", message);
	}

}
