package io.leaks.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.web.LeaksDashboardController;
import io.leaks.web.LeaksDashboardUnavailable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksDashboardAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksEndpointAutoConfiguration.class,
				LeaksDashboardAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=leaks");

	@Test
	void runWhenEndpointIsExposedShouldHaveDashboardController() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LeaksDashboardController.class));
	}

	@Test
	void runWhenDisabledShouldNotHaveDashboardController() {
		this.contextRunner.withPropertyValues("leaks.dashboard.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LeaksDashboardController.class);
			assertThat(context).hasSingleBean(LeaksEndpointPath.class);
		});
	}

	@Test
	void runWhenStarterIsDisabledShouldNotHaveDashboardController() {
		this.contextRunner.withPropertyValues("leaks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardController.class));
	}

	@Test
	void runWhenEndpointIsNotExposedOverHttpShouldNotHaveDashboardController() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardController.class));
	}

	@Test
	void runWhenEndpointAccessIsNoneShouldNotHaveDashboardController() {
		this.contextRunner.withPropertyValues("management.endpoint.leaks.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardController.class));
	}

	@Test
	void runWithoutThymeleafShouldBackOffAndGiveTheStartupLineTheReason() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.thymeleaf")).run((context) -> {
			assertThat(context).doesNotHaveBean(LeaksDashboardController.class);
			assertThat(context).hasSingleBean(LeaksEndpointPath.class);
			assertThat(context.getBean(LeaksDashboardUnavailable.class).missing())
				.containsExactly("Thymeleaf (spring-boot-starter-thymeleaf)");
			assertThat(context.getBean(LeaksStartupLog.DashboardReach.class).refusal())
				.startsWith("Thymeleaf (spring-boot-starter-thymeleaf) not on the classpath (the leaks endpoint, "
						+ "trend analysis, events and meters work without it");
		});
	}

	@Test
	void runWithoutBootsThymeleafAutoConfigurationShouldNotHaveDashboardController() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.thymeleaf"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LeaksDashboardController.class);
				assertThat(context).hasSingleBean(LeaksDashboardUnavailable.class);
			});
	}

	@Test
	void runWithoutTheChartJsWebjarShouldBackOff() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(
					new ClassPathResource("META-INF/maven/org.webjars.npm/chart.js/pom.properties")))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LeaksDashboardController.class);
				assertThat(context.getBean(LeaksDashboardUnavailable.class).missing())
					.containsExactly("the Chart.js webjar (org.webjars.npm:chart.js)");
			});
	}

	@Test
	void runWithoutTheWebjarsLocatorShouldBackOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.webjars")).run((context) -> {
			assertThat(context).doesNotHaveBean(LeaksDashboardController.class);
			assertThat(context.getBean(LeaksDashboardUnavailable.class).missing())
				.containsExactly("the webjars locator (org.webjars:webjars-locator-lite)");
		});
	}

	@Test
	void runWithEveryLibraryShouldNotSayTheDashboardIsOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardUnavailable.class));
	}

	@Test
	void runWhenDisabledWithoutThymeleafShouldStaySilent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.thymeleaf"))
			.withPropertyValues("leaks.dashboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardUnavailable.class));
	}

	@Test
	void runWithSeparateManagementPortShouldNotHaveDashboardController() {
		this.contextRunner.withPropertyValues("server.port=8080", "management.server.port=8081")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardController.class));
	}

	@Test
	void runInANonWebApplicationShouldNotHaveDashboardController() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class,
					LeaksEndpointAutoConfiguration.class, LeaksDashboardAutoConfiguration.class,
					EndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=leaks")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaksDashboardController.class));
	}

	@Test
	void runWhenUserDefinesControllerShouldBackOff() {
		LeaksDashboardController own = new LeaksDashboardController(new LeaksEndpointPath(() -> "/ops/leaks"),
				Duration.ofSeconds(30), List.of());
		this.contextRunner.withBean("ownDashboard", LeaksDashboardController.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(LeaksDashboardController.class);
			assertThat(context).getBean(LeaksDashboardController.class).isSameAs(own);
		});
	}

	@Test
	void runWithInvalidPathShouldFailWithTheReason() {
		this.contextRunner.withPropertyValues("leaks.dashboard.path=leaks/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("leaks.dashboard.path must start with '/'");
		});
	}

	@Test
	void runWithTooShortPollIntervalShouldFailWithTheReason() {
		this.contextRunner.withPropertyValues("leaks.dashboard.poll-interval=10ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("leaks.dashboard.poll-interval must be from 500ms to 1h");
		});
	}

}
