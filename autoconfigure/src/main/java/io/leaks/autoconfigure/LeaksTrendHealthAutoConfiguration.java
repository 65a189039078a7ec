package io.leaks.autoconfigure;

import io.leaks.actuate.LeaksHealthIndicator;
import io.leaks.trend.LeakWatch;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code leaks} health contributor, when Spring Boot's health support is present.
 */
@AutoConfiguration(after = LeaksTrendAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(LeakWatch.class)
public final class LeaksTrendHealthAutoConfiguration {

	/**
	 * Nested so that the health condition, itself part of the optional health module, is
	 * only read once the module is known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("leaks")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "leaksHealthIndicator")
		LeaksHealthIndicator leaksHealthIndicator(LeakWatch watch, LeaksProperties properties) {
			return new LeaksHealthIndicator(watch, properties.getTrend().isDownOnLeak());
		}

	}

}
