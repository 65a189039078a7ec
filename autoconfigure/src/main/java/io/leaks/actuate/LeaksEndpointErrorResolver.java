package io.leaks.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers the failures that happen before an operation of the {@code leaks} endpoint runs
 * (a body that is not JSON, a wrong content type or method, an unknown path) with the same
 * JSON error body the operations use, instead of Spring's generic error page. Requests to
 * any other path are left alone, so the host application's error handling is unchanged.
 */
public final class LeaksEndpointErrorResolver implements HandlerExceptionResolver, Ordered {

	private static final Pattern JSON_FIELD = Pattern.compile("\\[\"([^\"]{1,100})\"\\]");

	private final LeaksEndpointPath endpointPath;

	private final Access access;

	public LeaksEndpointErrorResolver(LeaksEndpointPath endpointPath, Access access) {
		this.endpointPath = endpointPath;
		this.access = access;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!this.endpointPath.matches(request)) {
			return null;
		}
		ErrorResponse error = describe(ex, this.endpointPath.path(), this.access);
		if (error == null) {
			return null;
		}
		try {
			write(response, error);
		}
		catch (IOException writeFailed) {
			return null;
		}
		return new ModelAndView();
	}

	/**
	 * Writes a refusal as the endpoint's JSON error body, with {@code Allow} for a 405.
	 * @param response the response, not yet committed
	 * @param error the refusal
	 * @throws IOException if the body cannot be written
	 */
	static void write(HttpServletResponse response, ErrorResponse error) throws IOException {
		response.setStatus(error.status());
		if (error.allow() != null) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", error.allow()));
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(toJson(error));
		response.flushBuffer();
	}

	private static @Nullable ErrorResponse describe(Exception ex, String base, Access access) {
		if (ex instanceof LeaksOperationException refusal) {
			return ErrorResponse.of(refusal);
		}
		if (ex instanceof HttpMessageNotReadableException notReadable) {
			return ErrorResponse.of(400, unreadableBody(notReadable.getMostSpecificCause()));
		}
		if (ex instanceof MultipartException) {
			// Spring MVC parses multipart bodies before it looks for a handler, even for a GET.
			return ErrorResponse.of(415, "A multipart body cannot be read here: send the body as JSON with "
					+ "Content-Type: application/json, or no body at all");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			String sent = (unsupported.getContentType() != null) ? "Content-Type " + unsupported.getContentType()
					+ " is not supported" : "The request has a body but no Content-Type";
			return ErrorResponse.of(415, sent + ": send the body as JSON with Content-Type: application/json");
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return ErrorResponse.of(406, "This endpoint answers JSON, and heap dump downloads as "
					+ "application/octet-stream only once the request matched: send Accept: */* (curl's default) or "
					+ "Accept: application/json");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			String[] supported = method.getSupportedMethods();
			String hint = ("GET".equals(method.getMethod()) || access == Access.UNRESTRICTED) ? ""
					: " Operations that change state or force a collection need write access: set "
							+ "management.endpoint.leaks.access=unrestricted (and secure the endpoint).";
			return ErrorResponse.of(405, method.getMethod() + " is not supported here. Supported: "
					+ ((supported != null) ? String.join(", ", supported) : "none") + "." + hint,
					(supported != null) ? List.of(supported) : List.of());
		}
		if (ex instanceof NoResourceFoundException) {
			return ErrorResponse.of(404, "No such path under " + base + ". Available: GET " + base + ", "
					+ LeaksResource.describeAll(base + "/"));
		}
		if (ex instanceof ResponseStatusException status) {
			return ErrorResponse.of(status.getStatusCode().value(),
					(status.getReason() != null) ? status.getReason() : status.getMessage());
		}
		return null;
	}

	/**
	 * Says what is wrong with a body Jackson could not bind to a map of simple values:
	 * broken JSON, a body that is not an object, or a field holding an array or object.
	 */
	static String unreadableBody(Throwable cause) {
		String example = "Send a JSON object such as {\"label\": \"after_startup\"} with Content-Type: application/json";
		String message = String.valueOf(cause.getMessage());
		if (cause.getClass().getSimpleName().startsWith("MismatchedInput")) {
			String found = message.contains("from Array value") || message.contains("START_ARRAY") ? "an array"
					: message.contains("from Object value") || message.contains("START_OBJECT") ? "an object"
							: "a value of another type";
			String field = null;
			Matcher matcher = JSON_FIELD.matcher(message);
			while (matcher.find()) {
				field = matcher.group(1);
			}
			if (field != null) {
				return "'" + field + "' must be a string, number or boolean, but was " + found + ". " + example;
			}
			return "The body must be a JSON object, but was " + found + ". " + example;
		}
		return "The request body is not valid JSON (" + firstLine(message) + "). " + example;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	static String toJson(ErrorResponse error) {
		StringBuilder json = new StringBuilder("{\"status\":").append(error.status())
			.append(",\"error\":")
			.append(quote(error.error()))
			.append(",\"message\":")
			.append(quote(error.message()));
		if (error.allow() != null) {
			json.append(",\"allow\":[")
				.append(String.join(",", error.allow().stream().map(LeaksEndpointErrorResolver::quote).toList()))
				.append(']');
		}
		return json.append('}').toString();
	}

	private static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
