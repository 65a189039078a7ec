package io.leaks.allocation;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OldObjectSupportTests {

	/** The MXBean names each HotSpot collector registers, on JDK 17 and on JDK 25. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", value = { "25|G1 Young Generation,G1 Old Generation|none",
			"25|G1 Young Generation,G1 Concurrent GC,G1 Old Generation|none", "25|PS MarkSweep,PS Scavenge|none",
			"25|Copy,MarkSweepCompact|none", "25|ZGC Minor Cycles,ZGC Minor Pauses,ZGC Major Cycles,ZGC Major Pauses|ZGC",
			"21|ZGC Cycles,ZGC Pauses|ZGC", "25|Shenandoah Pauses,Shenandoah Cycles|Shenandoah",
			"18|Shenandoah Pauses,Shenandoah Cycles|Shenandoah", "25|Epsilon Heap|none",
			"17|ZGC Cycles,ZGC Pauses|none", "17|Shenandoah Pauses,Shenandoah Cycles|none",
			"17|G1 Young Generation,G1 Old Generation|none" })
	void collectorsShouldBeToldByTheirBeansAndTheJdk(int javaVersion, String names, String unsupported) {
		assertThat(OldObjectSupport.unsupportedCollector(List.of(names.split(",")), javaVersion))
			.isEqualTo(unsupported);
	}

	@Test
	void theCollectorOfTheseTestsShouldBeSupported() {
		List<String> names = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.toList();
		assertThat(names).isNotEmpty();
		assertThat(OldObjectSupport.unsupportedCollector(names, Runtime.version().feature())).isNull();
	}

}
