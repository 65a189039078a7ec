package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import io.leaks.actuate.HeapDumpList;
import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.TuningView;
import io.leaks.heapdump.HeapDumpOnSuspicion;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumper;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import io.leaks.trend.SuspicionAction;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksHeapDumpAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksHeapDumpAutoConfiguration.class,
				LeaksGcTuningAutoConfiguration.class));

	@Test
	void runShouldHaveHeapDumpBeansWithSafeDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HotSpotHeapDumper.class);
			assertThat(context).hasSingleBean(HeapDumps.class);
			assertThat(context).doesNotHaveBean(HeapDumpOnSuspicion.class);
			assertThat(context.getBean(HeapDumpRepository.class).directory())
				.isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "leaks-heapdumps", "application")
					.toAbsolutePath());
			HeapDumps.Settings settings = context.getBean(HeapDumps.class).settings();
			assertThat(settings.download()).isFalse();
			assertThat(settings.compress()).isFalse();
			assertThat(settings.maxCount()).isEqualTo(5);
			assertThat(settings.maxTotalSizeBytes()).isEqualTo(4L << 30);
			assertThat(settings.freeSpaceMarginBytes()).isEqualTo(1L << 30);
		});
	}

	@Test
	void runShouldGiveEachApplicationItsOwnDefaultDirectory() {
		this.contextRunner.withPropertyValues("spring.application.name=orders service")
			.run((context) -> assertThat(context.getBean(HeapDumpRepository.class).directory())
				.isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "leaks-heapdumps", "orders_service")
					.toAbsolutePath()));
	}

	@Test
	void runWithPropertiesShouldBindEveryHeapDumpSetting() {
		this.contextRunner
			.withPropertyValues("leaks.heap-dump.directory=/var/tmp/dumps", "leaks.heap-dump.download=true",
					"leaks.heap-dump.max-count=2", "leaks.heap-dump.max-total-size=10MB",
					"leaks.heap-dump.compress=true", "leaks.heap-dump.free-space-margin=0",
					"leaks.heap-dump.on-suspicion=true", "leaks.heap-dump.min-interval=5m")
			.run((context) -> {
				assertThat(context.getBean(HeapDumpRepository.class).directory()).isEqualTo(Path.of("/var/tmp/dumps"));
				assertThat(context.getBean(HeapDumps.class).settings())
					.isEqualTo(new HeapDumps.Settings(2, 10L << 20, true, 0, true));
				assertThat(context).hasSingleBean(HeapDumpOnSuspicion.class);
				assertThat(context.getBeansOfType(SuspicionAction.class)).hasSize(1);
			});
	}

	@Test
	void runWithAnInvalidMaxCountShouldFailWithTheAllowedRange() {
		this.contextRunner.withPropertyValues("leaks.heap-dump.max-count=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("leaks.heap-dump.max-count must be from 1 to 1000, was 0"));
	}

	@Test
	void runOnSuspicionShouldNotBackOffForOtherSuspicionActions() {
		this.contextRunner.withUserConfiguration(OtherActionConfiguration.class)
			.withPropertyValues("leaks.heap-dump.on-suspicion=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(HeapDumpOnSuspicion.class);
				assertThat(context.getBeansOfType(SuspicionAction.class)).hasSize(2);
			});
	}

	@Test
	void runWhenUserDefinesDumperShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserDumperConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HeapDumper.class);
			assertThat(context).doesNotHaveBean(HotSpotHeapDumper.class);
			assertThat(context).hasSingleBean(HeapDumps.class);
		});
	}

	@Test
	void runWhenDisabledShouldHaveNoHeapDumpBeans() {
		this.contextRunner.withPropertyValues("leaks.enabled=false", "leaks.heap-dump.on-suspicion=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HeapDumps.class);
				assertThat(context).doesNotHaveBean(HeapDumpOnSuspicion.class);
			});
	}

	@Test
	void runWhenExposedShouldGiveTheEndpointHeapDumpsTuningAndSettings() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(LeaksEndpointAutoConfiguration.class,
					EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=leaks", "leaks.heap-dump.max-count=3",
					"management.endpoint.leaks.access=UNRESTRICTED")
			.run((context) -> {
				LeaksEndpoint endpoint = context.getBean(LeaksEndpoint.class);
				HeapDumpList list = (HeapDumpList) endpoint.resource("heapdumps", null, null, null, null, null, null);
				assertThat(list.maxCount()).isEqualTo(3);
				TuningView tuning = (TuningView) endpoint.resource("tuning", null, null, null, null, null, null);
				Map<String, Object> settings = tuning.settings();
				assertThat(settings).containsEntry("leaks.heap-dump.max-count", 3)
					.containsEntry("leaks.heap-dump.directory",
							context.getBean(HeapDumpRepository.class).directory().toString())
					.containsEntry("leaks.heap-dump.download", false)
					.containsEntry("leaks.snapshots.max-count", 10)
					.containsEntry("leaks.enabled", true)
					.containsEntry("leaks.gc.busy-wait", "0ms")
					.containsEntry("leaks.heap-dump.min-interval", "1h")
					.containsEntry("leaks.heap-dump.max-total-size", "4GB")
					.containsEntry("leaks.heap-dump.free-space-margin", "1GB");
				assertThat(endpoint.overview().supports().heapDumps()).isTrue();
				assertThat(endpoint.overview().supports().tuning()).isTrue();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDumperConfiguration {

		@Bean
		HeapDumper userHeapDumper() {
			return (file, live) -> {
				throw new java.io.IOException("not in this test");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherActionConfiguration {

		@Bean
		SuspicionAction otherAction() {
			return (resource) -> "noted " + resource;
		}

	}

}
