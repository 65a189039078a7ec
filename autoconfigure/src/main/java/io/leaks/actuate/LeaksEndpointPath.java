package io.leaks.actuate;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@code leaks} endpoint is mapped on the web ({@code /actuator/leaks} unless
 * the base path or the endpoint's path is changed), resolved lazily because actuator
 * decides it after our beans are created.
 */
public final class LeaksEndpointPath {

	private final Supplier<String> path;

	public LeaksEndpointPath(Supplier<String> path) {
		this.path = path;
	}

	public String path() {
		return this.path.get();
	}

	boolean matches(HttpServletRequest request) {
		return within(request) != null;
	}

	/**
	 * The path segments of a request under the endpoint, as sent (not decoded), when they
	 * can name one of its routes.
	 * @param request the request
	 * @return empty for the endpoint itself, {@code [snapshots]} for a resource,
	 * {@code [snapshots, x]} for an item; {@code null} when the request is not for the
	 * endpoint, or has more or empty segments (no route; Spring MVC answers 404)
	 */
	@Nullable List<String> segments(HttpServletRequest request) {
		String within = within(request);
		if (within == null || within.isEmpty()) {
			return (within != null) ? List.of() : null;
		}
		List<String> segments = List.of(within.substring(1).split("/", -1));
		return (segments.size() > 2 || segments.contains("")) ? null : segments;
	}

	private @Nullable String within(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)) {
			uri = uri.substring(contextPath.length());
		}
		String path = path();
		if (uri.equals(path)) {
			return "";
		}
		return uri.startsWith(path + "/") ? uri.substring(path.length()) : null;
	}

}
