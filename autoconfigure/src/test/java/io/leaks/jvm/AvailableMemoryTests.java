package io.leaks.jvm;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailableMemoryTests {

	@Test
	void bytesShouldBeWhatTheJvmReportsAsTotalMemory() {
		long expected = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		long bytes = new AvailableMemory(ManagementFactory.getPlatformMBeanServer()).bytes();
		assertThat(bytes).isPositive().isEqualTo(expected);
		assertThat(bytes).as("at least the max heap").isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
	}

	@Test
	void bytesShouldBeMinusOneWithoutAnOperatingSystemMBean() {
		assertThat(new AvailableMemory(MBeanServerFactory.newMBeanServer()).bytes()).isEqualTo(-1);
	}

}
