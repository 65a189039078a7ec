package io.leaks.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;

/**
 * The one start-up line that says where the endpoint and the dashboard are, or why they
 * cannot be reached and which property changes that. Pure wording of the facts the
 * {@link LeaksStartupLog} gathers.
 */
final class LeaksStartupReport {

	private LeaksStartupReport() {
	}

	/**
	 * Words the facts.
	 * @param facts what the application context holds
	 * @return the line, starting with {@code leaks:}
	 */
	static String describe(Facts facts) {
		if (facts.access() == Access.NONE) {
			return "leaks: the endpoint is off (management.endpoint.leaks.access=none): set it to read-only or "
					+ "unrestricted to use it; no dashboard";
		}
		if (facts.endpointUrl() == null) {
			return "leaks: the endpoint is not exposed over HTTP" + (facts.endpointPresent() ? " (only over JMX)" : "")
					+ ": add leaks to management.endpoints.web.exposure.include to reach it; no dashboard without it";
		}
		StringBuilder line = new StringBuilder("leaks: endpoint at ").append(facts.endpointUrl());
		if (facts.managementPort() != null) {
			line.append(" on the management port (management.server.port=").append(facts.managementPort()).append(')');
		}
		line.append((facts.access() == Access.UNRESTRICTED) ? " (unrestricted access)"
				: " (read-only: snapshots, GC, heap dumps and tuning need management.endpoint.leaks.access=unrestricted)");
		if (facts.dashboardUrl() != null) {
			line.append(", dashboard at ").append(facts.dashboardUrl());
		}
		else {
			line.append("; no dashboard: ").append(dashboardAbsence(facts));
		}
		return line.toString();
	}

	private static String dashboardAbsence(Facts facts) {
		if (facts.dashboardRefusal() != null) {
			return facts.dashboardRefusal();
		}
		if (!facts.dashboardEnabled()) {
			return "leaks.dashboard.enabled=false";
		}
		if (facts.managementPort() != null) {
			return "it is only served beside the endpoint, on the application's port";
		}
		return "it needs Spring MVC and Thymeleaf (spring-boot-starter-webmvc and spring-boot-starter-thymeleaf)";
	}

	/**
	 * What start-up left in the application context.
	 *
	 * @param access the endpoint's access
	 * @param endpointPresent whether the endpoint exists (exposed over JMX or HTTP)
	 * @param endpointUrl where the endpoint answers over HTTP, or {@code null}
	 * @param managementPort the separate management port, or {@code null}
	 * @param dashboardEnabled whether {@code leaks.dashboard.enabled} is true
	 * @param dashboardUrl where the dashboard is served, or {@code null}
	 * @param dashboardRefusal why the dashboard backed off, or {@code null}
	 */
	record Facts(Access access, boolean endpointPresent, @Nullable String endpointUrl, @Nullable Integer managementPort,
			boolean dashboardEnabled, @Nullable String dashboardUrl, @Nullable String dashboardRefusal) {

	}

}
