package io.leaks.autoconfigure;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;

import io.leaks.histogram.Snapshots;
import io.leaks.trend.CollectionUsageWarning;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySampler;
import io.leaks.trend.SuspicionAction;
import io.leaks.trend.TrendScheduler;
import io.leaks.trend.WatchSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * The trend analysis: the GC notification recorder, the watch that judges heap,
 * metaspace and threads, and the one daemon thread that runs it. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(after = LeaksAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "leaks.trend.enabled", matchIfMissing = true)
@ConditionalOnBean(Snapshots.class)
@EnableConfigurationProperties(LeaksProperties.class)
public final class LeaksTrendAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GcHistory leaksGcHistory(LeaksProperties properties) {
		return new GcHistory(properties.getTrend().getHistorySize());
	}

	@Bean
	@ConditionalOnMissingBean
	GcEventRecorder leaksGcEventRecorder(GcHistory history, LeaksProperties properties) {
		return new GcEventRecorder(history, properties.getTrend().getHistorySize());
	}

	@Bean
	@ConditionalOnMissingBean
	LeakWatch leaksLeakWatch(LeaksProperties properties, GcHistory history, Snapshots snapshots,
			ObjectProvider<SuspicionAction> actions, ApplicationEventPublisher publisher) {
		LeaksProperties.Trend trend = properties.getTrend();
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		return new LeakWatch(settings(trend), history, new MemorySampler(), snapshots,
				actions.orderedStream().toList(), publisher::publishEvent, runtime::getUptime, runtime.getStartTime(),
				trend.getHistorySize());
	}

	@Bean
	@ConditionalOnMissingBean
	TrendScheduler leaksTrendScheduler(LeakWatch watch, GcEventRecorder recorder, LeaksProperties properties) {
		double share = properties.getTrend().getWarnThreshold();
		return new TrendScheduler(watch, recorder, (share > 0) ? new CollectionUsageWarning(share) : null);
	}

	/**
	 * The watch's settings: whatever is not set derives from interval, warm-up and
	 * min-evidence.
	 * @param trend the {@code leaks.trend} properties
	 * @return the settings
	 */
	public static WatchSettings settings(LeaksProperties.Trend trend) {
		WatchSettings derived = WatchSettings.derive(trend.getInterval(), trend.getWarmup(), trend.getMinEvidence());
		return derived.withHistograms(trend.isHistograms(), trend.getHistogramCount(),
				(trend.getHistogramSpacing() != null) ? trend.getHistogramSpacing() : derived.histogramSpacing(),
				(trend.getHistogramCooldown() != null) ? trend.getHistogramCooldown() : derived.histogramCooldown());
	}

}
