package io.leaks.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.gc.GcTuning;
import io.leaks.heapdump.HeapDumps;
import io.leaks.trend.LeakWatch;
import io.leaks.web.LeaksDashboardController;
import io.leaks.web.LeaksDashboardUnavailable;

import org.springframework.beans.factory.ObjectProvider;
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

/**
 * The dashboard page. It only exists where the {@code leaks} endpoint is exposed over HTTP
 * ({@link LeaksEndpointPath} is defined then), since the page reads and acts through it.
 * With a separate management port it stays off: the page would be served on the
 * application's port, which a separate management port usually exists to keep the
 * endpoints away from, and could not reach the endpoint without cross-origin requests.
 * Without its libraries (Thymeleaf, the Chart.js webjar) it backs off and says so once.
 */
@AutoConfiguration(after = { LeaksEndpointAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
		LeaksHeapDumpAutoConfiguration.class, LeaksGcTuningAutoConfiguration.class })
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
			ObjectProvider<LeakWatch> watch, ObjectProvider<HeapDumps> heapDumps, ObjectProvider<GcTuning> gcTuning) {
		// The endpoint serves these resources exactly when it was given these beans.
		List<String> resources = new ArrayList<>();
		if (watch.getIfAvailable() != null) {
			resources.add("trend");
			resources.add("history");
		}
		if (heapDumps.getIfAvailable() != null) {
			resources.add("heapdumps");
		}
		if (gcTuning.getIfAvailable() != null) {
			resources.add("tuning");
		}
		return new LeaksDashboardController(endpointPath, properties.getDashboard().getPollInterval(), resources);
	}

	@Bean
	@Conditional(DashboardLibraries.Missing.class)
	LeaksDashboardUnavailable leaksDashboardUnavailable(ApplicationContext context) {
		return new LeaksDashboardUnavailable(DashboardLibraries.missing(context.getClassLoader()));
	}

}
