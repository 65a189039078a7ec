package io.leaks.unit;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ByteSizeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0|0 B", "1|1 B", "1023|1023 B", "1024|1.0 KiB", "1536|1.5 KiB",
			"1048575|1.0 MiB", "1048576|1.0 MiB", "65333043|62.3 MiB", "4294967296|4.0 GiB",
			"1099511627776|1.0 TiB", "-1536|-1.5 KiB", "-512|-512 B", "9223372036854775807|8.0 EiB",
			"-9223372036854775808|-8.0 EiB" })
	void formatShouldUseBinaryUnitsWithIecNames(long bytes, String expected) {
		assertThat(ByteSize.format(bytes)).isEqualTo(expected);
		assertThat(ByteSize.of(bytes)).hasToString(expected);
	}

	@Test
	void formatOfAMeasurementShouldRoundLikeACount() {
		assertThat(ByteSize.format(1023.6)).isEqualTo("1.0 KiB");
		assertThat(ByteSize.format(1023.4)).isEqualTo("1023 B");
		assertThat(ByteSize.format(-0.4)).isEqualTo("0 B");
		assertThat(ByteSize.format(2.5 * ByteSize.MIB)).isEqualTo("2.5 MiB");
		assertThat(ByteSize.format(Double.NaN)).isEqualTo("NaN B");
	}

	@Test
	void aRateShouldNameItsTimeUnit() {
		assertThat(ByteSize.rate(1.5 * ByteSize.MIB, ChronoUnit.MINUTES)).isEqualTo("1.5 MiB/min");
		assertThat(ByteSize.rate(300, ChronoUnit.HOURS)).isEqualTo("300 B/h");
		assertThat(ByteSize.rate(ByteSize.GIB, ChronoUnit.DAYS)).isEqualTo("1.0 GiB/d");
		assertThat(ByteSize.rate(ByteSize.KIB, ChronoUnit.SECONDS)).isEqualTo("1.0 KiB/s");
		assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.rate(1, ChronoUnit.WEEKS));
	}

	@Test
	void sizesShouldCompareByAmount() {
		assertThat(ByteSize.of(ByteSize.KIB)).isGreaterThan(ByteSize.of(1023)).isEqualTo(ByteSize.of(1024));
	}

}
