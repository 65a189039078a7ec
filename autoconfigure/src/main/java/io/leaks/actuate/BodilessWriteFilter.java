package io.leaks.actuate;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets {@code curl -X POST /actuator/leaks/gc} work without a body or a Content-Type.
 * Actuator maps write operations as consuming JSON, so Spring MVC refuses a bodiless POST
 * with 415 although the operation needs no input. For requests to the {@code leaks}
 * endpoint that carry no body and no Content-Type, this filter declares the empty body as
 * JSON; every other request passes through untouched.
 */
public final class BodilessWriteFilter extends OncePerRequestFilter {

	private final LeaksEndpointPath endpointPath;

	public BodilessWriteFilter(LeaksEndpointPath endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		boolean write = "POST".equals(method) || "DELETE".equals(method);
		return !write || request.getContentType() != null || hasBody(request) || !this.endpointPath.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new JsonContentTypeRequest(request), response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private static final class JsonContentTypeRequest extends HttpServletRequestWrapper {

		JsonContentTypeRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_JSON_VALUE;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(getContentType()))
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
				names.add(HttpHeaders.CONTENT_TYPE);
			}
			return Collections.enumeration(names);
		}

	}

}
