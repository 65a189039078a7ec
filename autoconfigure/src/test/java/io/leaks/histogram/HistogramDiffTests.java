package io.leaks.histogram;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramDiffTests {

	private static final String BASE = "java.base@17";

	@Test
	void betweenShouldReportGrowthShrinkageAddedAndRemovedClasses() {
		ClassHistogram from = histogram(entry("[B", BASE, 100, 10_000), entry("com.example.Gone", null, 5, 80),
				entry("java.lang.String", BASE, 50, 1200), entry("com.example.Same", null, 1, 16));
		ClassHistogram to = histogram(entry("[B", BASE, 1100, 1_010_000), entry("java.lang.String", BASE, 40, 960),
				entry("com.example.OrderListener", null, 1000, 24_000), entry("com.example.Same", null, 1, 16));
		HistogramDiff diff = HistogramDiff.between(from, to);
		assertThat(diff.rows()).extracting(DiffRow::className)
			.containsExactlyInAnyOrder("[B", "java.lang.String", "com.example.OrderListener", "com.example.Gone");
		assertThat(diff.classesAdded()).isEqualTo(1);
		assertThat(diff.classesRemoved()).isEqualTo(1);
		assertThat(diff.totals().bytesDelta()).isEqualTo(1_034_976 - 11_296);
		assertThat(diff.totals().instancesDelta()).isEqualTo(2141 - 156);
	}

	@Test
	void topShouldRankByBytesOrInstances() {
		ClassHistogram from = histogram(entry("[B", BASE, 100, 10_000), entry("java.lang.String", BASE, 50, 1200));
		ClassHistogram to = histogram(entry("[B", BASE, 1100, 1_010_000), entry("java.lang.String", BASE, 1050, 25_200),
				entry("com.example.OrderListener", null, 5000, 120_000));
		HistogramDiff diff = HistogramDiff.between(from, to);
		assertThat(diff.top(DiffSort.BYTES, 2, false)).extracting(DiffRow::className)
			.containsExactly("[B", "com.example.OrderListener");
		assertThat(diff.top(DiffSort.INSTANCES, 1, false)).extracting(DiffRow::className)
			.containsExactly("com.example.OrderListener");
		assertThat(diff.top(DiffSort.BYTES, 10, true)).extracting(DiffRow::className)
			.containsExactly("com.example.OrderListener");
	}

	@Test
	void betweenShouldNeverMergeSameNamedClassesFromDifferentLoaders() {
		ClassHistogram from = histogram(entry("com.example.Plugin", null, 10, 160),
				entry("com.example.Plugin", null, 2, 32));
		ClassHistogram to = histogram(entry("com.example.Plugin", null, 30, 480),
				entry("com.example.Plugin", null, 2, 32));
		HistogramDiff diff = HistogramDiff.between(from, to);
		assertThat(diff.rows()).singleElement().satisfies((row) -> {
			assertThat(row.instancesFrom()).isEqualTo(10);
			assertThat(row.instancesTo()).isEqualTo(30);
			assertThat(row.ambiguous()).isTrue();
		});
		assertThat(diff.totals().classesTo()).isEqualTo(2);
	}

	@Test
	void betweenShouldTreatTheSameNameInAnotherModuleAsAnotherClass() {
		ClassHistogram from = histogram(entry("com.example.Api", "app@1", 1, 16));
		ClassHistogram to = histogram(entry("com.example.Api", "app@2", 1, 16));
		HistogramDiff diff = HistogramDiff.between(from, to);
		assertThat(diff.classesAdded()).isEqualTo(1);
		assertThat(diff.classesRemoved()).isEqualTo(1);
	}

	@Test
	void parseShouldKnowBothSortNames() {
		assertThat(DiffSort.parse("Instances")).isEqualTo(DiffSort.INSTANCES);
		assertThat(DiffSort.parse("bytes")).isEqualTo(DiffSort.BYTES);
		assertThat(DiffSort.parse("size")).isNull();
	}

	static ClassHistogram histogram(HistogramEntry... entries) {
		return new ClassHistogram(List.of(entries));
	}

	static HistogramEntry entry(String className, String module, long instances, long bytes) {
		return new HistogramEntry(className, module, instances, bytes);
	}

}
