package io.leaks.trend;

import java.util.List;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("core")
class SuspectRankingTests {

	private static final String LAMBDA = "com.example.Checkout$$Lambda/0x0000000801234567";

	private static final String LISTENER = "com.example.OrderListener";

	@Test
	void theCapturedClassShouldRankBeforeTheLambdaThatHoldsIt() {
		SuspectRanking.Ranking ranking = SuspectRanking.rank(List.of(step(1000), step(2000), step(3000)));
		assertThat(ranking.suspects()).extracting(Suspect::className)
			.containsSubsequence(LISTENER, LAMBDA, "byte[]");
		assertThat(ranking.suspects().get(0).className()).isEqualTo(LISTENER);
	}

	@Test
	void aClassThatDidNotGrowAtEveryStepShouldNotBeASuspect() {
		SuspectRanking.Ranking ranking = SuspectRanking.rank(List.of(step(1000), step(2000), step(2000)));
		assertThat(ranking.suspects()).isEmpty();
	}

	private static ClassCounts step(long listeners) {
		return ClassCounts.of(new ClassHistogram(List.of(new HistogramEntry("byte[]", "java.base", 5000 + listeners, 1 << 26),
				new HistogramEntry(LAMBDA, null, listeners, 16 * listeners),
				new HistogramEntry(LISTENER, null, listeners, 24 * listeners),
				new HistogramEntry("com.example.Stable", null, 500, 500 * 32))));
	}

}
