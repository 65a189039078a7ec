package io.leaks.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.leaks.gc.GcTuning;
import io.leaks.gc.GcTuningChangedEvent;
import io.leaks.gc.HotSpotVmFlags;
import io.leaks.gc.ManageableFlags;
import io.leaks.gc.VmFlagAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksGcTuningAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksGcTuningAutoConfiguration.class));

	@RegisterExtension
	final ManageableFlags saved = ManageableFlags.restoredAfterEachTest();

	@Test
	void runShouldHaveTuningBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HotSpotVmFlags.class);
			assertThat(context).hasSingleBean(GcTuning.class);
			assertThat(context.getBean(GcTuning.class).isAvailable()).isTrue();
		});
	}

	@Test
	void changesShouldBePublishedAsApplicationEvents() {
		this.contextRunner.withUserConfiguration(EventCaptureConfiguration.class).run((context) -> {
			String wanted = "50".equals(ManageableFlags.value("MaxHeapFreeRatio")) ? "55" : "50";
			context.getBean(GcTuning.class).set("MaxHeapFreeRatio", wanted);
			assertThat(context.getBean(EventCaptureConfiguration.class).events).singleElement()
				.satisfies((event) -> assertThat(event.changes()).singleElement()
					.satisfies((change) -> assertThat(change.after()).isEqualTo(wanted)));
		});
	}

	@Test
	void runWhenUserDefinesFlagAccessShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserFlagsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(VmFlagAccess.class);
			assertThat(context.getBean(VmFlagAccess.class)).isSameAs(context.getBean("userFlags"));
			assertThat(context.getBean(GcTuning.class).isAvailable()).isFalse();
		});
	}

	@Test
	void runWhenDisabledShouldHaveNoTuningBeans() {
		this.contextRunner.withPropertyValues("leaks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GcTuning.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class EventCaptureConfiguration {

		final List<GcTuningChangedEvent> events = new ArrayList<>();

		@EventListener
		void onTuningChanged(GcTuningChangedEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFlagsConfiguration {

		@Bean
		VmFlagAccess userFlags() {
			return new HotSpotVmFlags(javax.management.MBeanServerFactory.newMBeanServer());
		}

	}

}
