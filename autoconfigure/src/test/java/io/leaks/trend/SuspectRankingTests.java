package io.leaks.trend;

import java.util.List;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuspectRankingTests {

	@Test
	void applicationClassesGrowingEveryStepShouldComeBeforeJdkClasses() {
		List<Suspect> suspects = SuspectRanking.rank(List.of(histogram(100, 40, 7), histogram(200, 50, 9),
				histogram(300, 60, 8)));
		assertThat(suspects).extracting(Suspect::displayName)
			.containsExactly("com.example.SessionState", "com.example.Audit", "byte[]", "java.util.HashMap$Node");
		Suspect first = suspects.get(0);
		assertThat(first.instancesDelta()).isEqualTo(200);
		assertThat(first.bytesDelta()).isEqualTo(200 * 48);
		assertThat(first.instances()).isEqualTo(300);
		assertThat(first.jdk()).isFalse();
		assertThat(suspects.get(2).jdk()).isTrue();
	}

	@Test
	void theStartersOwnBuffersFillingUpShouldNotBeSuspects() {
		List<Suspect> suspects = SuspectRanking.rank(List.of(withStarter(100), withStarter(200), withStarter(300)));
		assertThat(suspects).extracting(Suspect::className).containsExactly("io.leaks.trendy.Order");
	}

	@Test
	void fewerThanTwoHistogramsShouldNameNoSuspects() {
		assertThat(SuspectRanking.rank(List.of(histogram(1, 1, 1)))).isEmpty();
	}

	private static ClassHistogram withStarter(long count) {
		return new ClassHistogram(List.of(new HistogramEntry("io.leaks.trend.GcEvent", null, count, count * 64),
				new HistogramEntry("[Lio.leaks.trend.Point;", null, count, count * 16),
				new HistogramEntry("io.leaks.trend.GcEvent$PoolChange", null, count, count * 32),
				new HistogramEntry("io.leaks.trendy.Order", null, count, count * 24)));
	}

	/**
	 * Sessions leak; byte arrays and map nodes grow with them (and outweigh them); audit
	 * records grow slowly; a cache goes up and down.
	 */
	private static ClassHistogram histogram(long sessions, long audits, long cached) {
		return new ClassHistogram(List.of(new HistogramEntry("[B", "java.base@17", sessions * 40, sessions * 40_000),
				new HistogramEntry("java.util.HashMap$Node", "java.base@17", sessions * 2, sessions * 64),
				new HistogramEntry("com.example.SessionState", null, sessions, sessions * 48),
				new HistogramEntry("com.example.Audit", null, audits, audits * 24),
				new HistogramEntry("com.example.CacheEntry", null, cached, cached * 32)));
	}

}
