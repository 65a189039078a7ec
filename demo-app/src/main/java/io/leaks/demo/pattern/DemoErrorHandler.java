package io.leaks.demo.pattern;

import io.leaks.demo.DemoApplication;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refused demo requests into 400 with a JSON message.
 */
@RestControllerAdvice(basePackageClasses = DemoApplication.class)
class DemoErrorHandler {

	@ExceptionHandler(BadDemoRequestException.class)
	ResponseEntity<DemoError> badRequest(BadDemoRequestException ex) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(new DemoError(status.value(), status.getReasonPhrase(), ex.getMessage()));
	}

}
