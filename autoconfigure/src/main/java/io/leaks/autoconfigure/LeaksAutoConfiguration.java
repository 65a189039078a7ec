package io.leaks.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.ForcedCollections;
import io.leaks.gc.GcTrigger;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import io.leaks.gc.HotSpotVmFlags;
import io.leaks.gc.VmFlagAccess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Core of the leaks starter: the histogram sampler, the bounded snapshot store and the GC
 * trigger. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "leaks.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LeaksProperties.class)
public final class LeaksAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LeaksAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	HistogramSampler leaksHistogramSampler() {
		DiagnosticCommandHistogramSampler sampler = new DiagnosticCommandHistogramSampler(
				ManagementFactory.getPlatformMBeanServer());
		if (!sampler.isAvailable()) {
			logger.warn("Class histograms are unavailable on this JVM (" + System.getProperty("java.vm.name")
					+ ": no DiagnosticCommand MBean); leaks snapshots will answer 503");
		}
		return sampler;
	}

	@Bean
	@ConditionalOnMissingBean
	SnapshotStore leaksSnapshotStore(LeaksProperties properties) {
		return new SnapshotStore(properties.getSnapshots().getMaxCount());
	}

	@Bean
	@ConditionalOnMissingBean
	ForcedCollections leaksForcedCollections() {
		return new ForcedCollections();
	}

	@Bean
	@ConditionalOnMissingBean
	CollectionGuard leaksCollectionGuard(LeaksProperties properties, ForcedCollections forced) {
		return new CollectionGuard(properties.getGc().getBusyWait(), forced);
	}

	@Bean
	@ConditionalOnMissingBean
	Snapshots leaksSnapshots(HistogramSampler sampler, SnapshotStore store, CollectionGuard guard) {
		return new Snapshots(sampler, store, guard, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	VmFlagAccess leaksVmFlagAccess() {
		return new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer());
	}

	@Bean
	@ConditionalOnMissingBean
	GcTrigger leaksGcTrigger(VmFlagAccess flags, CollectionGuard guard) {
		return new GcTrigger(flags, guard);
	}

}
