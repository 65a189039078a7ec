package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import io.leaks.actuate.BodilessWriteFilter;
import io.leaks.actuate.ClassListBodyAdvice;
import io.leaks.actuate.HeapDumpAttachmentAdvice;
import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.LeaksEndpointErrorResolver;
import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.actuate.LeaksWebEndpointExtension;
import io.leaks.analysis.Analyses;
import io.leaks.gc.GcTrigger;
import io.leaks.gc.GcTuning;
import io.leaks.heapdump.HeapDumps;
import io.leaks.histogram.Snapshots;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.LeakWatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The {@code leaks} actuator endpoint, its web extension and its web error handling.
 */
@AutoConfiguration(after = { LeaksAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
		LeaksAnalysisAutoConfiguration.class, EndpointAutoConfiguration.class })
@ConditionalOnBean(Snapshots.class)
@ConditionalOnAvailableEndpoint(LeaksEndpoint.class)
public final class LeaksEndpointAutoConfiguration {

	static final EndpointId ENDPOINT_ID = EndpointId.of("leaks");

	@Bean
	@ConditionalOnMissingBean
	LeaksEndpoint leaksEndpoint(Snapshots snapshots, GcTrigger gcTrigger,
			ObjectProvider<EndpointAccessResolver> accessResolver, ObjectProvider<HeapDumps> heapDumps,
			ObjectProvider<GcTuning> gcTuning, ObjectProvider<LeaksProperties> properties,
			ObjectProvider<LeakWatch> watch, ObjectProvider<GcEventRecorder> recorder,
			ObjectProvider<Analyses> analyses) {
		EndpointAccessResolver resolver = accessResolver.getIfAvailable();
		Access access = (resolver != null) ? resolver.accessFor(ENDPOINT_ID, Access.READ_ONLY) : Access.READ_ONLY;
		LeaksProperties settings = properties.getIfAvailable();
		HeapDumps dumps = heapDumps.getIfAvailable();
		Path dumpDirectory = (dumps != null) ? dumps.repository().directory() : null;
		return new LeaksEndpoint(snapshots, gcTrigger, access, dumps, gcTuning.getIfAvailable(),
				() -> (settings != null) ? LeaksSettings.describe(settings, dumpDirectory) : Map.of(),
				watch.getIfAvailable(), recorder.getIfAvailable(), analyses.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(endpoint = LeaksEndpoint.class, exposure = EndpointExposure.WEB)
	static class WebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LeaksWebEndpointExtension leaksWebEndpointExtension(LeaksEndpoint endpoint) {
			return new LeaksWebEndpointExtension(endpoint);
		}

		@Bean
		@ConditionalOnMissingBean
		LeaksEndpointPath leaksEndpointPath(ObjectProvider<PathMappedEndpoints> pathMappedEndpoints) {
			return new LeaksEndpointPath(() -> {
				PathMappedEndpoints endpoints = pathMappedEndpoints.getIfAvailable();
				String path = (endpoints != null) ? endpoints.getPath(ENDPOINT_ID) : null;
				return (path != null) ? path : "/actuator/leaks";
			});
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(DispatcherServlet.class)
		static class ServletConfiguration {

			@Bean
			@ConditionalOnMissingBean
			LeaksEndpointErrorResolver leaksEndpointErrorResolver(LeaksEndpointPath path, LeaksEndpoint endpoint) {
				return new LeaksEndpointErrorResolver(path, endpoint.access());
			}

			@Bean
			@ConditionalOnMissingBean
			HeapDumpAttachmentAdvice leaksHeapDumpAttachmentAdvice() {
				return new HeapDumpAttachmentAdvice();
			}

			@Bean
			@ConditionalOnMissingBean
			ClassListBodyAdvice leaksClassListBodyAdvice() {
				return new ClassListBodyAdvice();
			}

			@Bean
			@ConditionalOnMissingBean(name = "leaksBodilessWriteFilter")
			FilterRegistrationBean<BodilessWriteFilter> leaksBodilessWriteFilter(LeaksEndpointPath path) {
				return bodilessWriteFilter(path);
			}

		}

	}

	static FilterRegistrationBean<BodilessWriteFilter> bodilessWriteFilter(LeaksEndpointPath path) {
		FilterRegistrationBean<BodilessWriteFilter> registration = new FilterRegistrationBean<>(
				new BodilessWriteFilter(path));
		registration.setName("leaksBodilessWriteFilter");
		return registration;
	}

}
