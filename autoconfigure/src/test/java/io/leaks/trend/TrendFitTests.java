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
	void fewStrictlyRisingPointsShouldBeSignificantExactly() {
		// Five daily full-collection floors, each higher: chance alone orders them so once in 5! = 120.
		TrendFit five = TrendFit.of(List.of(new Point(0, 2450), new Point(1, 2830), new Point(2, 3410),
				new Point(3, 3880), new Point(4, 4350)));
		assertThat(five.pRising()).isCloseTo(1 / 120.0, within(1e-12));
		assertThat(five.rises(0.01)).isTrue();
		TrendFit four = TrendFit.of(line(4, 100, 5));
		assertThat(four.pRising()).isCloseTo(1 / 24.0, within(1e-12));
		assertThat(four.rises(0.01)).isFalse();
	}

	@Test
	void exactAndApproximatePValuesShouldAgreeWhereTheyMeet() {
		List<Point> points = new ArrayList<>();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 12; i++) {
			points.add(new Point(i * 1000L, i * 3 + random.nextInt(20)));
		}
		TrendFit fit = TrendFit.of(points);
		double approximate = TrendFit.pRising(TrendFit.EXACT_UP_TO + 1, 0, fit.z());
		assertThat(fit.pRising()).isLessThan(0.01).isCloseTo(approximate, within(0.005));
	}

	@Test
	void noiseShouldBeTheScatterAroundTheLine() {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			points.add(new Point(i * 1000L, 1000 + 5L * i + ((i % 2 == 0) ? 10 : -10)));
		}
		assertThat(TrendFit.of(points).noise()).isCloseTo(14.8, within(0.5));
		assertThat(TrendFit.of(line(20, 1000, 5)).noise()).isZero();
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
