package io.leaks.autoconfigure;

import java.util.List;

import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.actuate.LeaksResource;
import io.leaks.web.LeaksDashboardController;
import io.leaks.web.LeaksDashboardUnavailable;
import io.leaks.web.LeaksDashboardMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The dashboard page. It only exists where the {@code leaks} endpoint is exposed over HTTP
 * ({@link LeaksEndpointPath} is defined then), since the page reads and acts through it.
 * With a separate management port it stays off: the page would be served on the
 * application's port, which a separate management port usually exists to keep the
 * endpoints away from, and could not reach the endpoint without cross-origin requests.
 * Without its libraries (Thymeleaf, the Chart.js webjar) it backs off, and the start-up
 * line says which are missing.
 */
@AutoConfiguration(after = { LeaksEndpointAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
		LeaksHeapDumpAutoConfiguration.class, LeaksGcTuningAutoConfiguration.class },
		afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "leaks.dashboard.enabled", matchIfMissing = true)
@ConditionalOnBean(LeaksEndpointPath.class)
@ConditionalOnManagementPort(ManagementPortType.SAME)
public final class LeaksDashboardAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(DashboardLibraries.Present.class)
	LeaksDashboardController leaksDashboardController(LeaksEndpointPath endpointPath, LeaksProperties properties,
			LeaksEndpoint endpoint) {
		List<String> resources = endpoint.resources().stream().map(LeaksResource::path).toList();
		return new LeaksDashboardController(endpointPath, properties.getDashboard().getPollInterval(), resources);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(name = "requestMappingHandlerMapping", value = LeaksDashboardController.class)
	LeaksDashboardMapping leaksDashboardMapping(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping,
			LeaksDashboardController controller, LeaksProperties properties) {
		return new LeaksDashboardMapping(handlerMapping, controller, properties.getDashboard().getPath());
	}

	@Bean
	@Conditional(DashboardLibraries.Missing.class)
	LeaksDashboardUnavailable leaksDashboardUnavailable(ApplicationContext context) {
		return new LeaksDashboardUnavailable(DashboardLibraries.missing(context.getClassLoader()));
	}

	@Bean
	LeaksStartupLog.DashboardReach leaksDashboardReach(ObjectProvider<LeaksDashboardMapping> mapping,
			ObjectProvider<LeaksDashboardUnavailable> unavailable) {
		return new LeaksStartupLog.DashboardReach() {

			@Override
			public @Nullable String servedPath() {
				LeaksDashboardMapping dashboard = mapping.getIfAvailable();
				return (dashboard != null) ? dashboard.servedPath() : null;
			}

			@Override
			public @Nullable String refusal() {
				LeaksDashboardUnavailable missing = unavailable.getIfAvailable();
				if (missing != null) {
					return missing.reason();
				}
				LeaksDashboardMapping dashboard = mapping.getIfAvailable();
				return (dashboard != null) ? dashboard.refusal() : "Spring MVC's handler mapping is missing";
			}

		};
	}

}
