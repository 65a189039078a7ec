package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import io.leaks.actuate.AllocationOperations;
import io.leaks.actuate.AllowHeaderAdvice;
import io.leaks.actuate.AnalysisOperations;
import io.leaks.actuate.BodyParametersAdvice;
import io.leaks.actuate.ClassListBodyAdvice;
import io.leaks.actuate.GcOperations;
import io.leaks.actuate.HeapDumpOperations;
import io.leaks.actuate.HeapDumpAttachmentAdvice;
import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.LeaksEndpointErrorResolver;
import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.actuate.LeaksOperations;
import io.leaks.actuate.LeaksRequestFilter;
import io.leaks.actuate.LeaksWebEndpointExtension;
import io.leaks.actuate.SnapshotOperations;
import io.leaks.actuate.TrendOperations;
import io.leaks.actuate.TuningOperations;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.analysis.Analyses;
import io.leaks.analysis.RecentSuspects;
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
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The {@code leaks} actuator endpoint: one operations bean per feature that is on, the
 * endpoint that routes to them, its web extension and its web error handling.
 */
@AutoConfiguration(after = { LeaksAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
		LeaksHeapDumpAutoConfiguration.class, LeaksAnalysisAutoConfiguration.class, LeaksGcTuningAutoConfiguration.class,
		LeaksAllocationAutoConfiguration.class, EndpointAutoConfiguration.class })
@ConditionalOnBean(Snapshots.class)
@ConditionalOnAvailableEndpoint(LeaksEndpoint.class)
public final class LeaksEndpointAutoConfiguration {

	static final EndpointId ENDPOINT_ID = EndpointId.of("leaks");

	@Bean
	@ConditionalOnMissingBean
	LeaksEndpoint leaksEndpoint(ObjectProvider<EndpointAccessResolver> accessResolver,
			ObjectProvider<LeaksOperations> operations) {
		return new LeaksEndpoint(access(accessResolver), operations.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SnapshotOperations leaksSnapshotOperations(Snapshots snapshots) {
		return new SnapshotOperations(snapshots);
	}

	@Bean
	@ConditionalOnMissingBean
	GcOperations leaksGcOperations(GcTrigger gcTrigger) {
		return new GcOperations(gcTrigger);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(HeapDumps.class)
	HeapDumpOperations leaksHeapDumpOperations(HeapDumps heapDumps,
			ObjectProvider<EndpointAccessResolver> accessResolver) {
		return new HeapDumpOperations(heapDumps, access(accessResolver));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(GcTuning.class)
	TuningOperations leaksTuningOperations(GcTuning gcTuning, LeaksProperties properties,
			ObjectProvider<HeapDumps> heapDumps, ObjectProvider<EndpointAccessResolver> accessResolver) {
		HeapDumps dumps = heapDumps.getIfAvailable();
		Path dumpDirectory = (dumps != null) ? dumps.repository().directory() : null;
		boolean paths = access(accessResolver) == Access.UNRESTRICTED;
		return new TuningOperations(gcTuning, () -> LeaksSettings.describe(properties, dumpDirectory, paths));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ LeakWatch.class, GcEventRecorder.class })
	TrendOperations leaksTrendOperations(LeakWatch watch, GcEventRecorder recorder) {
		return new TrendOperations(watch, recorder);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Analyses.class)
	AnalysisOperations leaksAnalysisOperations(Analyses analyses, Snapshots snapshots,
			ObjectProvider<RecentSuspects> suspects, ObjectProvider<EndpointAccessResolver> accessResolver) {
		RecentSuspects recent = suspects.getIfAvailable();
		return new AnalysisOperations(analyses, access(accessResolver),
				() -> (recent != null) ? recent.classes() : List.of(), AnalysisOperations.growers(snapshots.store()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AllocationRecordings.class)
	AllocationOperations leaksAllocationOperations(AllocationRecordings recordings) {
		return new AllocationOperations(recordings);
	}

	/**
	 * The access actuator grants the endpoint ({@code management.endpoint.leaks.access}).
	 */
	static Access access(ObjectProvider<EndpointAccessResolver> accessResolver) {
		EndpointAccessResolver resolver = accessResolver.getIfAvailable();
		return (resolver != null) ? resolver.accessFor(ENDPOINT_ID, Access.READ_ONLY) : Access.READ_ONLY;
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
			AllowHeaderAdvice leaksAllowHeaderAdvice() {
				return new AllowHeaderAdvice();
			}

			@Bean
			@ConditionalOnMissingBean
			ClassListBodyAdvice leaksClassListBodyAdvice(LeaksEndpointPath path) {
				return new ClassListBodyAdvice(path);
			}

			@Bean
			@ConditionalOnMissingBean
			BodyParametersAdvice leaksBodyParametersAdvice(LeaksEndpointPath path, LeaksEndpoint endpoint) {
				return new BodyParametersAdvice(path, endpoint.access());
			}

			@Bean
			@ConditionalOnMissingBean(name = "leaksRequestFilter")
			FilterRegistrationBean<LeaksRequestFilter> leaksRequestFilter(LeaksEndpointPath path,
					LeaksEndpoint endpoint) {
				return requestFilter(path, endpoint);
			}

		}

	}

	static FilterRegistrationBean<LeaksRequestFilter> requestFilter(LeaksEndpointPath path, LeaksEndpoint endpoint) {
		FilterRegistrationBean<LeaksRequestFilter> registration = new FilterRegistrationBean<>(
				new LeaksRequestFilter(path, endpoint.access()));
		registration.setName("leaksRequestFilter");
		// Before Spring's FormContentFilter, which parses a PUT, PATCH or DELETE form body
		// itself and fails with a 500 on one it cannot decode: the endpoint takes JSON only.
		registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
