package io.leaks.workloads;

import io.leaks.workloads.run.WorkloadRun;
import io.leaks.workloads.scenario.Rate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;

/**
 * A plain service with the leaks starter that runs one workload scenario for a set time
 * and ends ({@code workloads/record.sh} records it).
 */
@SpringBootApplication
@EnableConfigurationProperties(WorkloadProperties.class)
public class WorkloadApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(WorkloadApplication.class, args);
		WorkloadRun run = context.getBean(WorkloadRun.class);
		if (!context.getBean(WorkloadProperties.class).isExit()) {
			return;
		}
		run.awaitEnd();
		System.exit(SpringApplication.exit(context));
	}

	@Bean
	@ConfigurationPropertiesBinding
	static RateConverter workloadRateConverter() {
		return new RateConverter();
	}

	/**
	 * Reads {@code workload.rate=12MiB/min} (a lambda would lose the types binding needs).
	 */
	static final class RateConverter implements Converter<String, Rate> {

		@Override
		public Rate convert(String source) {
			return Rate.parse(source);
		}

	}

}
