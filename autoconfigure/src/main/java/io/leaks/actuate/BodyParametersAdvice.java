package io.leaks.actuate;

import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body field no route of the {@code leaks} endpoint takes
 * ({@code {"lable": "x"}}) with 400 naming the ones it does. Actuator binds a write's body
 * to the operation's parameters by name and drops the rest silently, so a misspelt field
 * would quietly become a default (a snapshot without its label, a compare by bytes
 * instead of instances). The body is seen here just after Spring MVC read it and before
 * the operation runs; bodies sent to any other path are left alone.
 */
@ControllerAdvice
public final class BodyParametersAdvice extends RequestBodyAdviceAdapter {

	private final LeaksEndpointPath endpointPath;

	private final Access access;

	public BodyParametersAdvice(LeaksEndpointPath endpointPath, Access access) {
		this.endpointPath = endpointPath;
		this.access = access;
	}

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return Map.class.isAssignableFrom(ResolvableType.forType(targetType).toClass());
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (body instanceof Map<?, ?> fields && !fields.isEmpty()) {
			currentRequest().ifPresent((request) -> check(request, fields));
		}
		return body;
	}

	private void check(HttpServletRequest request, Map<?, ?> fields) {
		List<String> segments = this.endpointPath.segments(request);
		if (segments == null || segments.isEmpty()) {
			return;
		}
		Set<String> names = new LinkedHashSet<>();
		fields.keySet().forEach((name) -> names.add(String.valueOf(name)));
		LeaksResource.find(segments.get(0))
			.ifPresent((resource) -> resource.check(request.getMethod(), segments.size() == 2, this.access, names));
	}

	private static Optional<HttpServletRequest> currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

}
