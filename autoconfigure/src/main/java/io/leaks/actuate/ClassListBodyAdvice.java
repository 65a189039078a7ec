package io.leaks.actuate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Lets a POST whose route takes {@code classes} ({@code /actuator/leaks/analyses},
 * {@code /actuator/leaks/allocations}) take them as a JSON array
 * ({@code "classes": ["com.example.A", "com.example.B"]}). Actuator binds a body to a map
 * of simple values, so the array is turned into the comma-separated text the operation
 * also accepts, just before the body is read; class names never contain commas. Bodies
 * sent anywhere else (the application's own controllers too), and a body that is not
 * valid JSON, pass unchanged.
 */
@ControllerAdvice
public final class ClassListBodyAdvice extends RequestBodyAdviceAdapter {

	static final String CLASSES = "classes";

	private final JsonMapper json = JsonMapper.builder().build();

	private final LeaksEndpointPath endpointPath;

	public ClassListBodyAdvice(LeaksEndpointPath endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return Map.class.isAssignableFrom(ResolvableType.forType(targetType).toClass()) && isPostTakingClasses();
	}

	private boolean isPostTakingClasses() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		List<String> segments = this.endpointPath.segments(request);
		return "POST".equals(request.getMethod()) && segments != null && segments.size() == 1
				&& LeaksResource.find(segments.get(0)).filter((resource) -> resource.takes(Verb.POST, CLASSES)).isPresent();
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = inputMessage.getBody().readAllBytes();
		byte[] rewritten = joinClasses(body);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(rewritten);
			}

			@Override
			public HttpHeaders getHeaders() {
				return inputMessage.getHeaders();
			}

		};
	}

	private byte[] joinClasses(byte[] body) {
		if (body.length == 0) {
			return body;
		}
		try {
			JsonNode tree = this.json.readTree(body);
			if (!(tree instanceof ObjectNode object)) {
				return body;
			}
			JsonNode classes = object.get(CLASSES);
			if (classes == null || !classes.isArray()) {
				return body;
			}
			List<String> names = new ArrayList<>();
			for (JsonNode name : classes) {
				if (!name.isString()) {
					return body;
				}
				names.add(name.asString());
			}
			object.put(CLASSES, String.join(",", names));
			return this.json.writeValueAsBytes(object);
		}
		catch (JacksonException ex) {
			return body;
		}
	}

}
