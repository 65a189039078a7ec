package io.leaks.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.analysis.Analyses;
import io.leaks.gc.GcTuning;
import io.leaks.heapdump.HeapDumps;
import io.leaks.trend.LeakWatch;
import io.leaks.web.LeaksDashboardController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The dashboard page. It only exists where the {@code leaks} endpoint is exposed over HTTP
 * ({@link LeaksEndpointPath} is defined then), since the page reads and acts through it.
 * With a separate management port it stays off: the page would be served on the
 * application's port, which a separate management port usually exists to keep the
 * endpoints away from, and could not reach the endpoint without cross-origin requests.
 */
@AutoConfiguration(after = { LeaksEndpointAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
		LeaksHeapDumpAutoConfiguration.class, LeaksGcTuningAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
		"org.thymeleaf.spring6.SpringTemplateEngine",
		"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "leaks.dashboard.enabled", matchIfMissing = true)
@ConditionalOnBean(LeaksEndpointPath.class)
@ConditionalOnManagementPort(ManagementPortType.SAME)
public final class LeaksDashboardAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LeaksDashboardController leaksDashboardController(LeaksEndpointPath endpointPath, LeaksProperties properties,
			ObjectProvider<LeakWatch> watch, ObjectProvider<HeapDumps> heapDumps, ObjectProvider<GcTuning> gcTuning,
			ObjectProvider<Analyses> analyses) {
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
		if (analyses.getIfAvailable() != null) {
			resources.add("analyses");
		}
		return new LeaksDashboardController(endpointPath, properties.getDashboard().getPollInterval(), resources);
	}

}
