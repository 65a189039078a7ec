package io.leaks.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.leaks.actuate.LeaksHealthIndicator;
import io.leaks.actuate.LeaksMetrics;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySampler;
import io.leaks.trend.SuspicionAction;
import io.leaks.trend.TrendScheduler;
import io.leaks.trend.WatchSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksTrendAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
					LeaksTrendMetricsAutoConfiguration.class, LeaksTrendHealthAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class));

	@Test
	void runShouldHaveTrendBeansAndStartTheScheduler() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(GcHistory.class);
			assertThat(context).hasSingleBean(GcEventRecorder.class);
			assertThat(context).hasSingleBean(LeakWatch.class);
			assertThat(context).hasSingleBean(TrendScheduler.class);
			assertThat(context.getBean(TrendScheduler.class).isRunning()).isTrue();
			WatchSettings settings = context.getBean(LeakWatch.class).settings();
			assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.analysis().warmup()).isEqualTo(Duration.ofMinutes(2));
			assertThat(settings.analysis().minEvidence()).isEqualTo(Duration.ofMinutes(2));
			assertThat(settings.histogramSpacing()).as("spaced by the climb's pace").isNull();
			assertThat(settings.spacingFor(28 * 1024 * 1024, 100 * 1024 * 1024)).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.spacingFor(1024 * 1024, 100 * 1024 * 1024)).isEqualTo(Duration.ofMinutes(4));
			assertThat(settings.forcedBudget()).isEqualTo(3);
			assertThat(settings.budgetPeriod()).isEqualTo(Duration.ofHours(1));
			assertThat(settings.histogramCooldown()).isEqualTo(Duration.ofMinutes(15));
		});
	}

	@Test
	void runShouldDeriveUnsetSettingsFromIntervalWarmupAndMinEvidence() {
		this.contextRunner
			.withPropertyValues("leaks.trend.interval=5s", "leaks.trend.warmup=20s", "leaks.trend.min-evidence=60s")
			.run((context) -> {
				WatchSettings settings = context.getBean(LeakWatch.class).settings();
				assertThat(settings.histogramSpacing()).isNull();
				assertThat(settings.spacingFor(28 * 1024 * 1024, 100 * 1024 * 1024).toSeconds()).isEqualTo(17);
				assertThat(settings.histogramCooldown()).isEqualTo(Duration.ofSeconds(150));
				assertThat(settings.clearAfter()).isEqualTo(Duration.ofSeconds(120));
				assertThat(settings.histograms()).isTrue();
			});
	}

	@Test
	void runShouldBindExplicitHistogramSettings() {
		this.contextRunner
			.withPropertyValues("leaks.trend.histograms=false", "leaks.trend.histogram-count=4",
					"leaks.trend.histogram-spacing=3s", "leaks.trend.histogram-cooldown=1h")
			.run((context) -> {
				WatchSettings settings = context.getBean(LeakWatch.class).settings();
				assertThat(settings.histograms()).isFalse();
				assertThat(settings.histogramCount()).isEqualTo(4);
				assertThat(settings.histogramSpacing()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.histogramCooldown()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void runWithInvalidTrendSettingsShouldFailWithTheReason() {
		this.contextRunner.withPropertyValues("leaks.trend.interval=10ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 100ms");
		});
		this.contextRunner.withPropertyValues("leaks.trend.warn-threshold=1.5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("warn-threshold");
		});
	}

	@Test
	void runWhenTrendDisabledShouldHaveNoTrendBeans() {
		this.contextRunner.withPropertyValues("leaks.trend.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LeakWatch.class);
			assertThat(context).doesNotHaveBean(TrendScheduler.class);
			assertThat(context).doesNotHaveBean(LeaksMetrics.class);
			assertThat(context).doesNotHaveBean(LeaksHealthIndicator.class);
		});
		this.contextRunner.withPropertyValues("leaks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeakWatch.class));
	}

	@Test
	void runWhenUserDefinesWatchShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserWatchConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(LeakWatch.class);
			assertThat(context).getBean(LeakWatch.class).isSameAs(context.getBean("userWatch"));
		});
	}

	@Test
	void runShouldRegisterMetersWithTheApplicationsRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LeaksMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("leaks.heap.floor").gauge()).isNotNull();
			assertThat(registry.get("leaks.heap.growth.rate").gauge().value()).isZero();
			assertThat(registry.get("leaks.heap.time.to.exhaustion").timeGauge().value()).isNaN();
			assertThat(registry.get("leaks.suspected").tag("resource", "heap").tag("severity", "hours").gauge().value())
				.isZero();
			assertThat(registry.get("leaks.suspected").gauges()).as("every resource at every severity").hasSize(18);
			assertThat(registry.get("leaks.forced.collections").tag("reason", "histogram").functionCounter().count())
				.isZero();
			assertThat(registry.get("leaks.memory.limit").gauge().value()).isPositive();
			assertThat(registry.get("leaks.memory.resident").gauge()).isNotNull();
		});
	}

	@Test
	void runWithoutMicrometerShouldHaveNoMeters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasSingleBean(LeakWatch.class);
			assertThat(context).doesNotHaveBean(LeaksMetrics.class);
		});
	}

	@Test
	void runShouldHaveTheHealthContributorUnlessDisabledOrMissing() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LeaksHealthIndicator.class));
		this.contextRunner.withPropertyValues("management.health.leaks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksHealthIndicator.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksTrendAutoConfiguration.class,
					LeaksTrendHealthAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasSingleBean(LeakWatch.class);
				assertThat(context).doesNotHaveBean(LeaksHealthIndicator.class);
			});
	}

	@Test
	void runShouldHandSuspicionActionsToTheWatch() {
		this.contextRunner.withBean("dumper", SuspicionAction.class, () -> (resource) -> "dumped")
			.run((context) -> assertThat(context).hasSingleBean(LeakWatch.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWatchConfiguration {

		@Bean
		LeakWatch userWatch() {
			return LeakWatch
				.builder(WatchSettings.derive(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(1)),
						new GcHistory())
				.historySize(64)
				.build();
		}

	}

}
