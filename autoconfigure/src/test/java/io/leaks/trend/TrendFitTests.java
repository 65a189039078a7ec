package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TrendFitTests {

	@Test
	void lineShouldBeFittedExactly() {
		TrendFit fit = TrendFit.of(line(20, 1000, 5));
		assertThat(fit.slope()).isEqualTo(0.005);
		assertThat(fit.perMinute()).isCloseTo(300.0, within(1e-9));
		assertThat(fit.valueAt(19_000)).isCloseTo(1095.0, within(1e-9));
		assertThat(fit.slopeLow()).isEqualTo(0.005);
		assertThat(fit.slopeHigh()).isEqualTo(0.005);
		assertThat(fit.z()).isGreaterThan(5);
		assertThat(fit.spanMillis()).isEqualTo(19_000);
	}

	@Test
	void aFewOutliersShouldNotMoveTheSlope() {
		List<Point> points = line(40, 1000, 5);
		points.set(10, new Point(10_000, 100_000));
		points.set(25, new Point(25_000, 0));
		points.set(33, new Point(33_000, 90_000));
		TrendFit fit = TrendFit.of(points);
		assertThat(fit.slope()).isCloseTo(0.005, within(0.0005));
		assertThat(fit.slopeLow()).isLessThanOrEqualTo(fit.slope());
		assertThat(fit.slopeHigh()).isGreaterThanOrEqualTo(fit.slope());
	}

	@Test
	void fallingSeriesShouldHaveANegativeTrendAndNoiseNone() {
		assertThat(TrendFit.of(line(20, 5000, -5)).z()).isLessThan(-5);
		List<Point> alternating = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			alternating.add(new Point(i * 1000L, (i % 2 == 0) ? 100 : 200));
		}
		assertThat(Math.abs(TrendFit.of(alternating).z())).isLessThan(1);
	}

	@Test
	void selectShouldFindOrderStatistics() {
		double[] values = { 5, 3, 9, 1, 7, 3, 8 };
		assertThat(TrendFit.select(values.clone(), 0, values.length - 1, 0)).isEqualTo(1);
		assertThat(TrendFit.select(values.clone(), 0, values.length - 1, 3)).isEqualTo(5);
		assertThat(TrendFit.select(values.clone(), 0, values.length - 1, 6)).isEqualTo(9);
	}

	@Test
	void onePointShouldBeRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrendFit.of(List.of(new Point(0, 1))));
	}

	private static List<Point> line(int count, long start, long perSecond) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			points.add(new Point(i * 1000L, start + perSecond * i));
		}
		return points;
	}

}
