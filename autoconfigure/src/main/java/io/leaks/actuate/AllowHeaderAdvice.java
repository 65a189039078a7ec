package io.leaks.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Sends {@code Allow} with a 405 an operation answers ({@code GET compare?to=now}):
 * actuator's responses carry a status and a body but no headers, so the methods travel in
 * the body's {@code allow} field and are copied into the header just before it is
 * written. Every other response is left alone.
 */
@ControllerAdvice
public final class AllowHeaderAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ErrorResponse error && error.status() == 405 && error.allow() != null) {
			response.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", error.allow()));
		}
		return body;
	}

}
