package io.leaks.autoconfigure;

import io.leaks.actuate.LeaksEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The start-up line saying where the endpoint and the dashboard are, or why they are not
 * reachable.
 */
@AutoConfiguration(after = { LeaksEndpointAutoConfiguration.class, LeaksDashboardAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "leaks.enabled", matchIfMissing = true)
public final class LeaksStartupAutoConfiguration {

	@Bean
	static LeaksStartupLog leaksStartupLog(ObjectProvider<LeaksEndpoint> endpoint,
			ObjectProvider<EndpointAccessResolver> accessResolver, ObjectProvider<PathMappedEndpoints> webEndpoints,
			ObjectProvider<LeaksStartupLog.DashboardReach> dashboard, Environment environment) {
		return new LeaksStartupLog(endpoint, accessResolver, webEndpoints, dashboard, environment);
	}

}
