package io.leaks.autoconfigure;

import javax.management.MBeanServerFactory;

import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.LeaksEndpointErrorResolver;
import io.leaks.actuate.LeaksWebEndpointExtension;
import io.leaks.gc.GcTrigger;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksEndpointAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));

	@Test
	void runShouldHaveCoreBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HistogramSampler.class);
			assertThat(context).hasSingleBean(SnapshotStore.class);
			assertThat(context).hasSingleBean(Snapshots.class);
			assertThat(context).hasSingleBean(GcTrigger.class);
			assertThat(context.getBean(SnapshotStore.class).maxCount()).isEqualTo(10);
		});
	}

	@Test
	void runWhenExposedShouldHaveEndpointBeans() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=leaks").run((context) -> {
			assertThat(context).hasSingleBean(LeaksEndpoint.class);
			assertThat(context).hasSingleBean(LeaksWebEndpointExtension.class);
			assertThat(context).hasSingleBean(LeaksEndpointErrorResolver.class);
		});
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(LeaksEndpoint.class);
			assertThat(context).doesNotHaveBean(LeaksWebEndpointExtension.class);
		});
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=leaks", "management.endpoint.leaks.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksEndpoint.class));
	}

	@Test
	void runWhenDisabledShouldHaveNoLeaksBeans() {
		this.contextRunner.withPropertyValues("leaks.enabled=false", "management.endpoints.web.exposure.include=leaks")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Snapshots.class);
				assertThat(context).doesNotHaveBean(LeaksEndpoint.class);
			});
	}

	@Test
	void runWhenUserDefinesSamplerShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserSamplerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HistogramSampler.class);
			assertThat(context).getBean(HistogramSampler.class)
				.isSameAs(context.getBean(UserSamplerConfiguration.class).sampler);
		});
	}

	@Test
	void runWhenUserDefinesStoreShouldBackOff() {
		this.contextRunner.withBean(SnapshotStore.class, () -> new SnapshotStore(3))
			.run((context) -> assertThat(context.getBean(SnapshotStore.class).maxCount()).isEqualTo(3));
	}

	@Test
	void runShouldBindSnapshotSettings() {
		this.contextRunner.withPropertyValues("leaks.snapshots.max-count=4")
			.run((context) -> assertThat(context.getBean(SnapshotStore.class).maxCount()).isEqualTo(4));
	}

	@Test
	void runWithInvalidSnapshotSettingsShouldFailWithTheReason() {
		this.contextRunner.withPropertyValues("leaks.snapshots.max-count=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("max-count must be from 1 to 1000");
		});
	}

	@Test
	void runWithoutSpringMvcShouldStillHaveEndpointButNoErrorResolver() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues("management.endpoints.web.exposure.include=leaks")
			.run((context) -> {
				assertThat(context).hasSingleBean(LeaksEndpoint.class);
				assertThat(context).doesNotHaveBean(LeaksEndpointErrorResolver.class);
			});
	}

	@Test
	void runInANonWebApplicationShouldHaveEndpointForJmx() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class,
					LeaksEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.jmx.exposure.include=leaks", "spring.jmx.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(LeaksEndpoint.class);
				assertThat(context).doesNotHaveBean(LeaksWebEndpointExtension.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSamplerConfiguration {

		final HistogramSampler sampler = new DiagnosticCommandHistogramSampler(MBeanServerFactory.newMBeanServer());

		@Bean
		HistogramSampler userSampler() {
			return this.sampler;
		}

	}

}
