package io.leaks.trend;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeSeriesTests {

	@Test
	void shouldStayBoundedAndKeepTheWholeHistory() {
		EnvelopeSeries series = new EnvelopeSeries(16);
		for (int i = 0; i < 1000; i++) {
			series.add(i, 5000 + i);
		}
		assertThat(series.size()).isLessThanOrEqualTo(16);
		List<Point> points = series.points();
		assertThat(points.get(0)).as("the oldest point is still there").isEqualTo(new Point(0, 5000));
		assertThat(points.get(points.size() - 1)).isEqualTo(new Point(999, 5999));
		assertThat(points).isSortedAccordingTo((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
	}

	@Test
	void thinningShouldKeepTheLowerOfNeighbours() {
		EnvelopeSeries series = new EnvelopeSeries(8);
		long[] values = { 50, 10, 60, 20, 70, 30, 80, 40, 90 };
		for (int i = 0; i < values.length; i++) {
			series.add(i, values[i]);
		}
		assertThat(series.points()).startsWith(new Point(1, 10), new Point(3, 20)).endsWith(new Point(8, 90));
	}

	@Test
	void sinceShouldFilterByTime() {
		EnvelopeSeries series = new EnvelopeSeries(8);
		for (int i = 0; i < 5; i++) {
			series.add(i * 10, i);
		}
		assertThat(series.since(20)).extracting(Point::value).containsExactly(2L, 3L, 4L);
	}

}
