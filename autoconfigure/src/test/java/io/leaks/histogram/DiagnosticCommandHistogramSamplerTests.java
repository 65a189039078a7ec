package io.leaks.histogram;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServerFactory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs against the real JVM's DiagnosticCommand MBean.
 */
@Tag("collectors")
@Tag("core")
class DiagnosticCommandHistogramSamplerTests {

	private final DiagnosticCommandHistogramSampler sampler = new DiagnosticCommandHistogramSampler(
			ManagementFactory.getPlatformMBeanServer());

	@Test
	void sampleShouldCountLiveInstancesOfAClassWeHold() {
		List<Marker> held = new ArrayList<>();
		for (int i = 0; i < 1234; i++) {
			held.add(new Marker(i));
		}
		ClassHistogram histogram = this.sampler.sample(true);
		assertThat(histogram.entries()).filteredOn((entry) -> entry.className().equals(Marker.class.getName()))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.instances()).isEqualTo(held.size()));
		assertThat(histogram.classCount()).isGreaterThan(500);
		assertThat(histogram.entries()).anySatisfy((entry) -> {
			assertThat(entry.className()).isEqualTo("java.lang.String");
			assertThat(entry.module()).startsWith("java.base");
		});
	}

	@Test
	void sampleOfAllObjectsShouldNotUndercountLiveOnes() {
		List<Marker> held = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			held.add(new Marker(i));
		}
		ClassHistogram histogram = this.sampler.sample(false);
		assertThat(histogram.entries()).filteredOn((entry) -> entry.className().equals(Marker.class.getName()))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.instances()).isGreaterThanOrEqualTo(held.size()));
	}

	@Test
	void sampleOnAJvmWithoutDiagnosticCommandShouldSayWhatIsMissing() {
		DiagnosticCommandHistogramSampler bare = new DiagnosticCommandHistogramSampler(
				MBeanServerFactory.newMBeanServer());
		assertThat(bare.isAvailable()).isFalse();
		assertThatExceptionOfType(HistogramUnavailableException.class).isThrownBy(() -> bare.sample(true))
			.withMessageContaining("DiagnosticCommand");
	}

	record Marker(int id) {
	}

}
