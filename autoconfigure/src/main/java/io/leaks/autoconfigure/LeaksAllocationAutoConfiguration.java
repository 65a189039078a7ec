package io.leaks.autoconfigure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;

import io.leaks.allocation.AllocationRecorder;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.JfrAllocationRecorder;
import io.leaks.allocation.OldObjectSupport;
import io.leaks.gc.CollectionGuard;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Allocation recordings with JFR, where the runtime has it (a jlink image may leave out
 * the {@code jdk.jfr} module). Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = LeaksAutoConfiguration.class, before = LeaksEndpointAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "leaks.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "leaks.allocations.enabled", matchIfMissing = true)
@ConditionalOnClass(name = "jdk.jfr.consumer.RecordingStream")
@EnableConfigurationProperties(LeaksProperties.class)
public final class LeaksAllocationAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LeaksAllocationAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AllocationRecorder leaksAllocationRecorder() {
		JfrAllocationRecorder recorder = new JfrAllocationRecorder();
		String unavailable = recorder.unavailableReason();
		if (unavailable != null) {
			logger.warn(unavailable + "; POST /actuator/leaks/allocations will answer 503");
		}
		return recorder;
	}

	@Bean
	@ConditionalOnMissingBean
	AllocationRecordings leaksAllocationRecordings(AllocationRecorder recorder, LeaksProperties properties,
			CollectionGuard guard) {
		LeaksProperties.Allocations allocations = properties.getAllocations();
		List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
		String unsupported = OldObjectSupport.unsupportedCollector(
				collectors.stream().map(GarbageCollectorMXBean::getName).toList(), Runtime.version().feature());
		AllocationRecordings.Settings settings = new AllocationRecordings.Settings(allocations.getDefaultDuration(),
				allocations.getMaxDuration(), allocations.getSamplesPerSecond(), allocations.getPathCutoff(),
				allocations.isOldObjectStackTraces(), allocations.getMaxClasses(), allocations.getMaxSites(), allocations.getMaxChains(),
				allocations.getMaxResults(),
				(allocations.getFrameworkPackages() != null) ? allocations.getFrameworkPackages() : List.of());
		return new AllocationRecordings(recorder, unsupported, settings, guard, Clock.systemUTC());
	}

}
