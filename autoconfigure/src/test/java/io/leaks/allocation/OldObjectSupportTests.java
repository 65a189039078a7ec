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
	@CsvSource(delimiter = '|', nullValues = "none", value = { "G1 Young Generation,G1 Old Generation|none",
			"G1 Young Generation,G1 Concurrent GC,G1 Old Generation|none", "PS MarkSweep,PS Scavenge|none",
			"Copy,MarkSweepCompact|none", "ZGC Cycles,ZGC Pauses|ZGC",
			"ZGC Minor Cycles,ZGC Minor Pauses,ZGC Major Cycles,ZGC Major Pauses|ZGC",
			"Shenandoah Pauses,Shenandoah Cycles|Shenandoah", "Epsilon Heap|none" })
	void collectorsShouldBeToldByTheirBeans(String names, String unsupported) {
		assertThat(OldObjectSupport.unsupportedCollector(List.of(names.split(",")))).isEqualTo(unsupported);
	}

	@Test
	void theCollectorOfTheseTestsShouldBeSupported() {
		List<String> names = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.toList();
		assertThat(names).isNotEmpty();
		assertThat(OldObjectSupport.unsupportedCollector(names)).isNull();
	}

}
