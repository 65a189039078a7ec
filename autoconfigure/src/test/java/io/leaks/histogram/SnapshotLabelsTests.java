package io.leaks.histogram;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotLabelsTests {

	@ParameterizedTest
	@ValueSource(strings = { "after_startup", "after-batch-job", "v1.2", "run:3", "A" })
	void problemShouldAcceptPlainLabels(String label) {
		assertThat(SnapshotLabels.problem(label)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "a/b", "../x", "tab\there", "nul\u0000", "new\nline", "now", "NOW", "..",
			"spaces here", "é" })
	void problemShouldExplainInvalidLabels(String label) {
		assertThat(SnapshotLabels.problem(label)).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(ints = { 101, 5000 })
	void problemShouldRejectOverLongLabels(int length) {
		assertThat(SnapshotLabels.problem("a".repeat(length))).contains("at most 100");
	}

}
