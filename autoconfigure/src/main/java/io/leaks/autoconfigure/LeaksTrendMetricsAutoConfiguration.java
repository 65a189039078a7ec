package io.leaks.autoconfigure;

import io.leaks.actuate.LeaksMetrics;
import io.leaks.trend.LeakWatch;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Meters of the trend analysis ({@code leaks.heap.floor}, {@code leaks.heap.growth.rate},
 * {@code leaks.heap.time.to.exhaustion}, {@code leaks.suspected}), bound by Spring Boot to
 * the application's registry when Micrometer is present.
 */
@AutoConfiguration(after = LeaksTrendAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(LeakWatch.class)
public final class LeaksTrendMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LeaksMetrics leaksMetrics(LeakWatch watch) {
		return new LeaksMetrics(watch);
	}

}
