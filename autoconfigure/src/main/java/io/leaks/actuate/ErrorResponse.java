package io.leaks.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.http.HttpStatus;

/**
 * Body of every refused request.
 *
 * @param status the HTTP status code
 * @param error the status's reason phrase
 * @param message what was wrong and how to fix it
 * @param allow for a 405, the methods the target does answer (also sent as the
 * {@code Allow} header); left out otherwise
 */
public record ErrorResponse(int status, String error, String message, @Nullable List<String> allow)
		implements OperationResponseBody {

	public static ErrorResponse of(int status, String message) {
		return of(status, message, null);
	}

	static ErrorResponse of(LeaksOperationException refusal) {
		return of(refusal.status(), refusal.getMessage(), (refusal.status() == 405) ? refusal.allow() : null);
	}

	static ErrorResponse of(int status, String message, @Nullable List<String> allow) {
		HttpStatus resolved = HttpStatus.resolve(status);
		return new ErrorResponse(status, (resolved != null) ? resolved.getReasonPhrase() : "Error", message, allow);
	}

}
