package io.leaks.autoconfigure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.leaks.trace.RunFacts;
import io.leaks.trace.TraceRecorder;
import io.leaks.trace.TraceRecording;
import org.apache.commons.logging.LogFactory;

import io.leaks.gc.ForcedCollections;
import io.leaks.histogram.Snapshots;
import io.leaks.trend.CollectionUsageWarning;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySampler;
import io.leaks.trend.SnapshotLiveHistograms;
import io.leaks.trend.SuspicionActions;
import io.leaks.trend.SuspicionAction;
import io.leaks.trend.TrendScheduler;
import io.leaks.trend.WatchSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

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

	/**
	 * Runs the suspicion actions (heap dumps, analyses) on one daemon thread of their own,
	 * never on the watch's, with a short queue: a burst of suspicions never piles up work.
	 * Shut down with the context.
	 */
	@Bean(destroyMethod = "shutdownNow")
	@ConditionalOnMissingBean(name = "leaksSuspicionExecutor")
	ExecutorService leaksSuspicionExecutor() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4), (task) -> {
			Thread thread = new Thread(task, "leaks-suspicion");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.AbortPolicy());
	}

	@Bean
	@ConditionalOnMissingBean
	LeakWatch leaksLeakWatch(LeaksProperties properties, GcHistory history, Snapshots snapshots,
			ObjectProvider<SuspicionAction> actions, @Qualifier("leaksSuspicionExecutor") ExecutorService executor,
			ForcedCollections forced, ApplicationEventPublisher publisher) {
		LeaksProperties.Trend trend = properties.getTrend();
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		return LeakWatch.builder(settings(trend), history)
			.memory(new MemorySampler())
			.histograms(new SnapshotLiveHistograms(snapshots))
			.actions(new SuspicionActions(actions.orderedStream().toList(), executor))
			.publisher(publisher::publishEvent)
			.clock(runtime::getUptime, runtime.getStartTime())
			.historySize(trend.getHistorySize())
			.forcedCollections(forced)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	TrendScheduler leaksTrendScheduler(LeakWatch watch, GcEventRecorder recorder, LeaksProperties properties) {
		double share = properties.getTrend().getWarnThreshold();
		return new TrendScheduler(watch, recorder, (share > 0) ? new CollectionUsageWarning(share) : null);
	}

	/**
	 * Records what the analysis sees, when {@code leaks.trend.record-to} names a file or
	 * directory. A recording that cannot start (the file exists, the directory cannot be
	 * written) is logged and skipped: it never stops the application.
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "leaks.trend.record-to")
	TraceRecording leaksTraceRecording(LeaksProperties properties, LeakWatch watch, GcEventRecorder recorder,
			Snapshots snapshots, Environment environment) {
		LeaksProperties.Trend trend = properties.getTrend();
		Path target = trend.getRecordTo();
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("interval", trend.getInterval().toString());
		settings.put("warmup", trend.getWarmup().toString());
		settings.put("min-evidence", trend.getMinEvidence().toString());
		settings.put("histograms", String.valueOf(trend.isHistograms()));
		String application = environment.getProperty("spring.application.name", "application");
		settings.put("application", application);
		try {
			TraceRecorder trace = TraceRecorder.start(target, application, trend.getRecordMaxSize().toBytes(),
					RunFacts.ofThisJvm(settings), runtime::getUptime);
			recorder.addListener(trace);
			watch.addObserver(trace);
			snapshots.addListener(trace::snapshotTaken);
			return new TraceRecording(trace);
		}
		catch (IOException | RuntimeException ex) {
			LogFactory.getLog(LeaksTrendAutoConfiguration.class)
				.warn("leaks: cannot record the trend analysis to " + target + ": " + ex.getMessage());
			return new TraceRecording(null);
		}
	}

	/**
	 * The watch's settings: whatever is not set derives from interval, warm-up and
	 * min-evidence.
	 * @param trend the {@code leaks.trend} properties
	 * @return the settings
	 */
	public static WatchSettings settings(LeaksProperties.Trend trend) {
		WatchSettings derived = WatchSettings.derive(trend.getInterval(), trend.getWarmup(), trend.getMinEvidence());
		return derived
			.withHistograms(trend.isHistograms(), trend.getHistogramCount(), trend.getHistogramSpacing(),
					(trend.getHistogramCooldown() != null) ? trend.getHistogramCooldown() : derived.histogramCooldown())
			.withBudget(trend.getForcedCollectionBudget(), trend.getForcedCollectionBudgetPeriod());
	}

}
