package io.leaks.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.leaks.allocation.AllocationRecorder;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.JfrAllocationRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksAllocationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksAllocationAutoConfiguration.class));

	@Test
	void runShouldHaveRecordingsWithTheDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JfrAllocationRecorder.class);
			AllocationRecordings recordings = context.getBean(AllocationRecordings.class);
			assertThat(recordings.unavailableReason()).isNull();
			assertThat(recordings.unsupportedCollector()).isNull();
			assertThat(recordings.settings()).isEqualTo(new AllocationRecordings.Settings(Duration.ofSeconds(60),
					Duration.ofMinutes(10), 300, Duration.ofMillis(250), false, 10, 10, 10, 10, List.of()));
		});
	}

	@Test
	void runWithPropertiesShouldBindEveryAllocationSetting() {
		this.contextRunner
			.withPropertyValues("leaks.allocations.default-duration=20s", "leaks.allocations.max-duration=2m",
					"leaks.allocations.samples-per-second=1000", "leaks.allocations.path-cutoff=0s",
					"leaks.allocations.old-object-stack-traces=true",
					"leaks.allocations.max-classes=3", "leaks.allocations.max-sites=4",
					"leaks.allocations.max-chains=5", "leaks.allocations.max-results=6",
					"leaks.allocations.framework-packages=com.example.common,org.acme.")
			.run((context) -> assertThat(context.getBean(AllocationRecordings.class).settings())
				.isEqualTo(new AllocationRecordings.Settings(Duration.ofSeconds(20), Duration.ofMinutes(2), 1000,
						Duration.ZERO, true, 3, 4, 5, 6, List.of("com.example.common", "org.acme."))));
	}

	@Test
	void runWithOutOfRangeSettingsShouldFailToStartSayingWhy() {
		this.contextRunner.withPropertyValues("leaks.allocations.max-duration=2h")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("leaks.allocations.max-duration must be from PT1S to PT1H"));
		this.contextRunner.withPropertyValues("leaks.allocations.default-duration=5m", "leaks.allocations.max-duration=1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must not exceed leaks.allocations.max-duration"));
	}

	@Test
	void runWhenDisabledShouldNotHaveRecordings() {
		this.contextRunner.withPropertyValues("leaks.allocations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AllocationRecordings.class)
				.doesNotHaveBean(AllocationRecorder.class));
		this.contextRunner.withPropertyValues("leaks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AllocationRecordings.class));
	}

	@Test
	void runWithoutJfrShouldNotHaveRecordings() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jdk.jfr."))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AllocationRecordings.class));
	}

	@Test
	void runWithUserDefinedRecorderShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomRecorder.class).run((context) -> {
			assertThat(context).doesNotHaveBean(JfrAllocationRecorder.class);
			assertThat(context.getBean(AllocationRecordings.class).unavailableReason()).isEqualTo("not here");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRecorder {

		@Bean
		AllocationRecorder customRecorder() {
			return new AllocationRecorder() {

				@Override
				public String unavailableReason() {
					return "not here";
				}

				@Override
				public Session start(Plan plan, java.util.function.Consumer<io.leaks.allocation.AllocationSample> sink) {
					throw new IllegalStateException("not here");
				}

			};
		}

	}

}
