package io.leaks.workloads.scenario;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RateTest {

	@Test
	void parseShouldReadSizesInBinaryUnitsPerPeriod() {
		assertThat(Rate.parse("12MiB/min").perSecond()).isCloseTo(12.0 * (1 << 20) / 60, within(1e-6));
		assertThat(Rate.parse("12MB/min")).isEqualTo(Rate.parse("12MiB/min"));
		assertThat(Rate.parse("1GiB/h").perSecond()).isCloseTo((1 << 30) / 3600.0, within(1e-6));
		assertThat(Rate.parse("500KiB/s").perSecond()).isEqualTo(500 * 1024);
		assertThat(Rate.parse("64B/s").bytes()).isTrue();
		assertThat(Rate.parse("2.5 MiB / day").per()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void parseWithoutUnitShouldCountThings() {
		Rate rate = Rate.parse("120/min");
		assertThat(rate.bytes()).isFalse();
		assertThat(rate.perSecond()).isEqualTo(2);
		assertThat(rate.over(30_000)).isEqualTo(60);
	}

	@Test
	void parseShouldSayWhatARateLooksLike() {
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("12MiB"))
			.withMessage("a rate looks like 12MiB/min, 40MB/h, 500KiB/s or 120/min, was '12MiB'");
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("-1/s"));
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("3TiB/s"));
	}

	@Test
	void toStringShouldReadBack() {
		for (String text : new String[] { "12MiB/min", "40MiB/h", "120/min", "3.5MiB/min" }) {
			Rate rate = Rate.parse(text);
			assertThat(Rate.parse(rate.toString()).perSecond()).isCloseTo(rate.perSecond(),
					within(rate.perSecond() * 1e-3));
		}
		assertThat(Rate.parse("64MiB/h")).hasToString("64.0MiB/h");
		assertThat(Rate.parse("12MiB/min")).hasToString("12.0MiB/min");
	}

}
