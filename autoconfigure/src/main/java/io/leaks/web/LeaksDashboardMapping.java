package io.leaks.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Maps {@code GET leaks.dashboard.path} to the dashboard once the application's own
 * controllers are mapped, unless one of them already maps that path: then the dashboard
 * backs off with a warning naming the property to change, where an annotated mapping
 * would fail the application's start-up with an ambiguous mapping.
 */
public final class LeaksDashboardMapping implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(LeaksDashboardMapping.class);

	private static final Method DASHBOARD = ReflectionUtils.findMethod(LeaksDashboardController.class, "dashboard",
			Model.class, HttpServletResponse.class);

	private final RequestMappingHandlerMapping handlerMapping;

	private final LeaksDashboardController controller;

	private final String path;

	private volatile @Nullable String refusal;

	private volatile boolean mapped;

	/**
	 * Creates the mapping.
	 * @param handlerMapping the application's handler mapping for annotated controllers
	 * @param controller the dashboard
	 * @param path where to serve it ({@code leaks.dashboard.path})
	 */
	public LeaksDashboardMapping(RequestMappingHandlerMapping handlerMapping, LeaksDashboardController controller,
			String path) {
		Assert.notNull(handlerMapping, "'handlerMapping' must not be null");
		Assert.notNull(controller, "'controller' must not be null");
		Assert.hasText(path, "'path' must not be empty");
		this.handlerMapping = handlerMapping;
		this.controller = controller;
		this.path = path;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Optional<HandlerMethod> taken = owner();
		if (taken.isPresent()) {
			backOff(taken.get().toString());
			return;
		}
		RequestMappingInfo info = RequestMappingInfo.paths(this.path)
			.methods(RequestMethod.GET)
			.options(this.handlerMapping.getBuilderConfiguration())
			.build();
		try {
			this.handlerMapping.registerMapping(info, this.controller, DASHBOARD);
			this.mapped = true;
		}
		catch (IllegalStateException ex) {
			backOff(ex.getMessage());
		}
	}

	/**
	 * The path the dashboard is served at, once mapped.
	 * @return the path, or {@code null} when it is not served
	 */
	public @Nullable String servedPath() {
		return this.mapped ? this.path : null;
	}

	/**
	 * Why the dashboard is not served, when it backed off.
	 * @return the reason, or {@code null}
	 */
	public @Nullable String refusal() {
		return this.refusal;
	}

	private void backOff(String owner) {
		this.refusal = "the application already maps GET " + this.path + " (" + owner
				+ "); set leaks.dashboard.path to another path to serve it";
		logger.warn("leaks: the dashboard is not served: " + this.refusal);
	}

	/**
	 * The application's handler of exactly this path for GET, if any. Patterns that only
	 * match it among others ({@code /{page}}, {@code /**}) are no conflict: Spring MVC
	 * prefers the more specific dashboard path and they keep serving the rest.
	 */
	private Optional<HandlerMethod> owner() {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.handlerMapping.getHandlerMethods()
			.entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			if (get && info.getPatternValues().stream().anyMatch(this::samePath)) {
				return Optional.of(mapping.getValue());
			}
		}
		return Optional.empty();
	}

	private boolean samePath(String pattern) {
		return trimmed(pattern).equals(trimmed(this.path));
	}

	private static String trimmed(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
