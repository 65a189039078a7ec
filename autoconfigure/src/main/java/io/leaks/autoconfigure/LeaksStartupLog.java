package io.leaks.autoconfigure;

import io.leaks.actuate.LeaksEndpoint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs, once the application is ready, where the endpoint and the dashboard are or why
 * they cannot be reached ({@link LeaksStartupReport}).
 */
final class LeaksStartupLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(LeaksStartupLog.class);

	private final ObjectProvider<LeaksEndpoint> endpoint;

	private final ObjectProvider<EndpointAccessResolver> accessResolver;

	private final ObjectProvider<PathMappedEndpoints> webEndpoints;

	private final ObjectProvider<DashboardReach> dashboard;

	private final Environment environment;

	LeaksStartupLog(ObjectProvider<LeaksEndpoint> endpoint, ObjectProvider<EndpointAccessResolver> accessResolver,
			ObjectProvider<PathMappedEndpoints> webEndpoints, ObjectProvider<DashboardReach> dashboard,
			Environment environment) {
		this.endpoint = endpoint;
		this.accessResolver = accessResolver;
		this.webEndpoints = webEndpoints;
		this.dashboard = dashboard;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		logger.info(LeaksStartupReport.describe(facts()));
	}

	LeaksStartupReport.Facts facts() {
		LeaksEndpoint leaks = this.endpoint.getIfAvailable();
		Access access = (leaks != null) ? leaks.access() : LeaksEndpointAutoConfiguration.access(this.accessResolver);
		PathMappedEndpoints web = this.webEndpoints.getIfAvailable();
		String path = (leaks != null && web != null) ? web.getPath(LeaksEndpointAutoConfiguration.ENDPOINT_ID) : null;
		Integer managementPort = managementPort();
		String endpointUrl = (path != null) ? url((managementPort != null) ? managementPort : serverPort(),
				(managementPort != null) ? "" : contextPath(), path) : null;
		DashboardReach reach = this.dashboard.getIfAvailable();
		String dashboardPath = (reach != null) ? reach.servedPath() : null;
		return new LeaksStartupReport.Facts(access, leaks != null, endpointUrl, managementPort,
				this.environment.getProperty("leaks.dashboard.enabled", Boolean.class, true),
				(dashboardPath != null) ? url(serverPort(), contextPath(), dashboardPath) : null,
				(reach != null) ? reach.refusal() : null);
	}

	private @Nullable Integer managementPort() {
		Integer management = this.environment.getProperty("local.management.port", Integer.class);
		return (management != null && !management.equals(serverPort())) ? management : null;
	}

	private @Nullable Integer serverPort() {
		return this.environment.getProperty("local.server.port", Integer.class);
	}

	private String contextPath() {
		return this.environment.getProperty("server.servlet.context-path", "");
	}

	private String url(@Nullable Integer port, String contextPath, String path) {
		String scheme = this.environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
		String host = this.environment.getProperty("server.address", "localhost");
		return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ((port != null) ? ":" + port : "")
				+ contextPath + path;
	}

	/**
	 * Where the dashboard is served, told by the dashboard's configuration.
	 */
	interface DashboardReach {

		/**
		 * The path the dashboard is served at.
		 * @return the path, or {@code null} when it is not served
		 */
		@Nullable String servedPath();

		/**
		 * Why the dashboard backed off.
		 * @return the reason, or {@code null}
		 */
		@Nullable String refusal();

	}

}
