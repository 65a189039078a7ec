package io.leaks.histogram;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Tag("core")
class HistogramParserTests {

	private static final String TEXT = """
			 num     #instances         #bytes  class name (module)
			-------------------------------------------------------
			   1:         21938        5206784  [B (java.base@17.0.15)
			   2:         20105         482520  java.lang.String (java.base@17.0.15)
			   3:          1000          24000  com.example.OrderListener
			   4:             7            336  com.example.Plugin
			   5:             3            144  com.example.Plugin
			   6:             1             16  com.example.Api$$Lambda$42/0x0000000800c0b000
			Total         43054        5713800
			""";

	@Test
	void parseShouldReadEveryRowWithModule() {
		ClassHistogram histogram = HistogramParser.parse(TEXT);
		assertThat(histogram.classCount()).isEqualTo(6);
		assertThat(histogram.entries().get(0))
			.isEqualTo(new HistogramEntry("[B", "java.base@17.0.15", 21938, 5206784));
		assertThat(histogram.entries().get(2)).isEqualTo(new HistogramEntry("com.example.OrderListener", null, 1000, 24000));
		assertThat(histogram.entries().get(5).className()).isEqualTo("com.example.Api$$Lambda$42/0x0000000800c0b000");
	}

	@Test
	void parseShouldKeepSameNamedClassesFromDifferentLoadersApart() {
		ClassHistogram histogram = HistogramParser.parse(TEXT);
		assertThat(histogram.entries()).filteredOn((entry) -> entry.className().equals("com.example.Plugin"))
			.extracting(HistogramEntry::instances)
			.containsExactly(7L, 3L);
	}

	@Test
	void parseShouldSumTotalsThatMatchTheJvmsTotalRow() {
		ClassHistogram histogram = HistogramParser.parse(TEXT);
		assertThat(histogram.totalInstances()).isEqualTo(43054);
		assertThat(histogram.totalBytes()).isEqualTo(5713800);
	}

	@Test
	void parseShouldRejectTextThatIsNoHistogram() {
		assertThatIllegalArgumentException().isThrownBy(() -> HistogramParser.parse("Permission denied"));
	}

	@Test
	void parseShouldAcceptAnEmptyHistogram() {
		ClassHistogram histogram = HistogramParser.parse(" num #instances #bytes class name\n----\nTotal 0 0\n");
		assertThat(histogram.classCount()).isZero();
	}

}
