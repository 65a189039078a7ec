package io.leaks.autoconfigure;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;

import io.leaks.gc.CollectionGuard;
import io.leaks.heapdump.HeapDumpOnSuspicion;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumper;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Heap dumps: the dumper, the dump directory and, when
 * {@code leaks.heap-dump.on-suspicion=true}, a dump when the trend analyzer first suspects
 * a leak. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = LeaksAutoConfiguration.class, before = LeaksEndpointAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "leaks.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LeaksProperties.class)
public final class LeaksHeapDumpAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LeaksHeapDumpAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	HeapDumper leaksHeapDumper() {
		HotSpotHeapDumper dumper = new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer());
		if (!dumper.isAvailable()) {
			logger.warn("Heap dumps are unavailable on this JVM (" + System.getProperty("java.vm.name")
					+ ": no HotSpotDiagnostic MBean); POST /actuator/leaks/heapdumps will answer 503");
		}
		return dumper;
	}

	@Bean
	@ConditionalOnMissingBean
	HeapDumpRepository leaksHeapDumpRepository(LeaksProperties properties, Environment environment) {
		Path directory = properties.getHeapDump().getDirectory();
		HeapDumpRepository repository = new HeapDumpRepository((directory != null) ? directory
				: HeapDumpRepository.defaultDirectory(environment.getProperty("spring.application.name")));
		repository.removeStalePartials();
		return repository;
	}

	@Bean
	@ConditionalOnMissingBean
	HeapDumps leaksHeapDumps(HeapDumper dumper, HeapDumpRepository repository, LeaksProperties properties,
			CollectionGuard guard) {
		LeaksProperties.HeapDump heapDump = properties.getHeapDump();
		return new HeapDumps(dumper, repository,
				new HeapDumps.Settings(heapDump.getMaxCount(), heapDump.getMaxTotalSize().toBytes(),
						heapDump.isCompress(), heapDump.getFreeSpaceMargin().toBytes(), heapDump.isDownload()),
				guard);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("leaks.heap-dump.on-suspicion")
	HeapDumpOnSuspicion leaksHeapDumpOnSuspicion(HeapDumps heapDumps, LeaksProperties properties) {
		return new HeapDumpOnSuspicion(heapDumps, properties.getHeapDump().getMinInterval(), Clock.systemUTC());
	}

}
