package io.leaks.actuate;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

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
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)) {
			uri = uri.substring(contextPath.length());
		}
		String path = path();
		return uri.equals(path) || uri.startsWith(path + "/");
	}

}
