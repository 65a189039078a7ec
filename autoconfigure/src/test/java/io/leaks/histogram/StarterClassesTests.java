package io.leaks.histogram;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's classes are those of its own jar; an application's classes in an
 * {@code io.leaks} package (this test's, from the test classes directory) are not.
 */
class StarterClassesTests {

	@ParameterizedTest
	@CsvSource({ "io.leaks.histogram.HistogramEntry, true", "[Lio.leaks.histogram.HistogramEntry;, true",
			"[[Lio.leaks.trend.GcEvent;, true",
			"io.leaks.trend.LeakWatch$$Lambda$1272/0x00007febc44f7908, true",
			"io.leaks.trend.LeakWatch$$Lambda/0x00007febc44f7908, true",
			"io.leaks.histogram.StarterClassesTests, false", "io.leaks.histogram.StarterClassesTests$Held, false",
			"io.leaks.nowhere.Missing, false", "java.lang.String, false", "[B, false", "io.leaksy.Other, false" })
	void starterClassesShouldBeTheOnesOfItsOwnJar(String className, boolean starter) {
		assertThat(StarterClasses.isStarterClass(className)).isEqualTo(starter);
	}

	record Held(int id) {
	}

}
