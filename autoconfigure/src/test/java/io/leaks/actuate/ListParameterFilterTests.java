package io.leaks.actuate;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListParameterFilterTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"duration\": \"60s\", \"classes\": [\"byte[]\", \"com.example.A\"]}|{\"duration\":\"60s\",\"classes\":\"byte[],com.example.A\"}",
			"{\"classes\": []}|{\"classes\":\"\"}", "{\"classes\": [1, true]}|{\"classes\":\"1,true\"}",
			"{\"label\": [\"a\"], \"classes\": [\"a\"]}|{\"label\":[\"a\"],\"classes\":\"a\"}" })
	void topLevelListsOfPlainValuesShouldBecomeCommaSeparatedStrings(String body, String expected) {
		assertThat(new String(ListParameterFilter.flattened(body.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"label\": \"a\"}", "{\"label\": [\"a\", \"b\"]}", "{\"classes\": [[\"a\"]]}", "{\"classes\": [{\"a\": 1}]}",
			"[\"a\", \"b\"]", "not json", "{\"label\": ", "" })
	void anythingElseShouldBeLeftForActuatorToAnswer(String body) {
		assertThat(ListParameterFilter.flattened(body.getBytes(StandardCharsets.UTF_8))).isNull();
	}

}
