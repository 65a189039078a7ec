package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.leaks.analysis.Analyses;
import io.leaks.analysis.AnalysisOnSuspicion;
import io.leaks.analysis.AnalysisRepository;
import io.leaks.analysis.AnalyzerSettings;
import io.leaks.analysis.ChildAnalyzer;
import io.leaks.analysis.HeapAnalyzer;
import io.leaks.analysis.RecentSuspects;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.trend.LeakSuspectedEvent;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Heap dump analysis: the analyzer's JVM and the analyses kept beside the dumps, the
 * suspects of the latest suspected leak (what an analysis looks at unless told), and the
 * analysis of the dump taken on a suspected leak. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = LeaksHeapDumpAutoConfiguration.class, before = LeaksEndpointAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "leaks.enabled", "leaks.analysis.enabled" }, matchIfMissing = true)
@ConditionalOnBean(HeapDumpRepository.class)
@EnableConfigurationProperties(LeaksProperties.class)
public final class LeaksAnalysisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AnalyzerSettings leaksAnalyzerSettings(LeaksProperties properties) {
		LeaksProperties.Analysis analysis = properties.getAnalysis();
		DataSize maxIndex = analysis.getMaxIndexSize();
		HeapAnalyzer.Limits defaults = HeapAnalyzer.Limits.DEFAULT;
		return new AnalyzerSettings(analysis.getMaxHeap().toBytes(), analysis.getTimeLimit(),
				(maxIndex != null) ? maxIndex.toBytes() : 0, analysis.getNiceness(),
				new HeapAnalyzer.Limits(analysis.getMaxPaths(), defaults.maxOwners(), defaults.maxExamined(),
						defaults.maxInstanceIds(), defaults.maxRetainedObjects()),
				List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	AnalysisRepository leaksAnalysisRepository(LeaksProperties properties, HeapDumpRepository dumps) {
		Path directory = properties.getAnalysis().getDirectory();
		return new AnalysisRepository((directory != null) ? directory : dumps.directory().resolve("analyses"),
				properties.getAnalysis().getMaxCount());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Analyses leaksAnalyses(AnalyzerSettings settings, AnalysisRepository repository, HeapDumpRepository dumps) {
		return new Analyses(new ChildAnalyzer(settings, repository.runtimeDirectory()), repository, dumps,
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	RecentSuspects leaksRecentSuspects() {
		return new RecentSuspects();
	}

	@Bean
	ApplicationListener<LeakSuspectedEvent> leaksRecentSuspectsListener(RecentSuspects suspects) {
		return (event) -> suspects.suspected(event.getResource(), event.getSuspects());
	}

	/**
	 * With {@code leaks.heap-dump.on-suspicion=true} and
	 * {@code leaks.analysis.on-suspicion=true}: the dump taken on a suspected leak is
	 * analysed for the suspects once the live histograms name them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = { "leaks.analysis.on-suspicion", "leaks.heap-dump.on-suspicion" })
	static final class OnSuspicionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AnalysisOnSuspicion leaksAnalysisOnSuspicion(Analyses analyses, HeapDumpRepository dumps,
				ApplicationEventPublisher publisher) {
			return new AnalysisOnSuspicion(analyses, dumps, publisher::publishEvent, Clock.systemUTC());
		}

		@Bean
		ApplicationListener<LeakSuspectedEvent> leaksAnalysisOfTheSuspects(AnalysisOnSuspicion onSuspicion) {
			return (event) -> onSuspicion.suspectsNamed(event.getResource(), event.getSuspects());
		}

	}

}
