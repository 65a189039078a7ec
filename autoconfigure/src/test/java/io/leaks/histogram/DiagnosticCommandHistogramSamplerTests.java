package io.leaks.histogram;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

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

	@Test
	void anAnswerThatIsNotAHistogramShouldBeUnavailableNotAFailure() throws Exception {
		for (String answer : List.of("GC.class_histogram is disabled by the JVM's security policy", "",
				" num  #instances  #bytes  class name\n   1:  99999999999999999999  16  java.lang.String\n")) {
			MBeanServer server = MBeanServerFactory.newMBeanServer();
			server.registerMBean(new StandardMBean((DiagnosticCommand) (arguments) -> answer, DiagnosticCommand.class),
					new ObjectName("com.sun.management:type=DiagnosticCommand"));
			DiagnosticCommandHistogramSampler sampler = new DiagnosticCommandHistogramSampler(server);
			assertThat(sampler.isAvailable()).isTrue();
			assertThatExceptionOfType(HistogramUnavailableException.class).isThrownBy(() -> sampler.sample(true))
				.withMessageStartingWith("GC.class_histogram answered something that is not a class histogram");
		}
	}

	/**
	 * The one operation of HotSpot's DiagnosticCommand MBean the sampler calls, for a JVM
	 * that answers it with something else.
	 */
	public interface DiagnosticCommand {

		String gcClassHistogram(String[] arguments);

	}

	record Marker(int id) {
	}

}
