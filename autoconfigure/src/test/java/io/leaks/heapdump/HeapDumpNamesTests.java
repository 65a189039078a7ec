package io.leaks.heapdump;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names are generated from a time stamp and a sanitised label; nothing a user sends ever
 * becomes a path.
 */
class HeapDumpNamesTests {

	private static final Instant AT = Instant.parse("2026-03-01T10:15:00.123Z");

	@Test
	void generateShouldCombineTimestampKindAndLabel() {
		assertThat(HeapDumpNames.generate(AT, true, "before_fix"))
			.isEqualTo("heapdump-20260301T101500123Z-live-before_fix.hprof");
		assertThat(HeapDumpNames.generate(AT, false, null)).isEqualTo("heapdump-20260301T101500123Z-all.hprof");
	}

	@Test
	void generateShouldReplaceCharactersOutsideTheSafeSetWithUnderscores() {
		assertThat(HeapDumpNames.generate(AT, true, "after batch: 2 (ü)"))
			.isEqualTo("heapdump-20260301T101500123Z-live-after_batch__2____.hprof");
	}

	@Test
	void automaticDumpsShouldBeMarkedWhereNoLabelCanPutTheMark() {
		String automatic = HeapDumpNames.generate(AT, true, true, "suspected-heap");
		assertThat(automatic).isEqualTo("heapdump-20260301T101500123Z-auto-live-suspected-heap.hprof");
		assertThat(HeapDumpNames.parse(automatic).orElseThrow().automatic()).isTrue();
		assertThat(HeapDumpNames.parse(automatic + ".gz").orElseThrow().automatic()).isTrue();
		String labelled = HeapDumpNames.generate(AT, true, "auto-live");
		assertThat(labelled).isEqualTo("heapdump-20260301T101500123Z-live-auto-live.hprof");
		assertThat(HeapDumpNames.parse(labelled).orElseThrow().automatic()).isFalse();
		assertThat(HeapDumpNames.next(automatic))
			.isEqualTo("heapdump-20260301T101500124Z-auto-live-suspected-heap.hprof");
	}

	@Test
	void directoryNameShouldBeTheApplicationNameMadeSafe() {
		assertThat(HeapDumpNames.directoryName("orders-service")).isEqualTo("orders-service");
		assertThat(HeapDumpNames.directoryName("../../etc")).isEqualTo(".._.._etc");
		assertThat(HeapDumpNames.directoryName("My App/v2")).isEqualTo("My_App_v2");
		assertThat(HeapDumpNames.directoryName("x".repeat(300))).hasSize(HeapDumpNames.MAX_LABEL_LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ".", "..", " .. " })
	void directoryNameWithoutAUsableApplicationNameShouldBeApplication(String name) {
		assertThat(HeapDumpNames.directoryName(name)).isEqualTo("application");
		assertThat(HeapDumpNames.directoryName(null)).isEqualTo("application");
	}

	@Test
	void parseShouldReadBackWhatGenerateWrote() {
		String name = HeapDumpNames.generate(AT, true, "v1.2-rc");
		HeapDumpNames.Parsed parsed = HeapDumpNames.parse(name).orElseThrow();
		assertThat(parsed.createdAt()).isEqualTo(AT);
		assertThat(parsed.live()).isTrue();
		assertThat(parsed.label()).isEqualTo("v1.2-rc");
		assertThat(parsed.compressed()).isFalse();
		assertThat(HeapDumpNames.parse(name + ".gz").orElseThrow().compressed()).isTrue();
		assertThat(HeapDumpNames.nameProblem(name)).isNull();
		assertThat(HeapDumpNames.nameProblem(name + ".gz")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/x", "/abs", "a/b", "..\\..\\windows", "C:\\x" })
	void labelsWithPathSeparatorsShouldBeRefused(String label) {
		assertThat(HeapDumpNames.labelProblem(label)).contains("it is never a path");
	}

	@Test
	void labelsWithControlCharactersShouldBeRefused() {
		assertThat(HeapDumpNames.labelProblem("a\u0000b")).contains("control character at position 1");
		assertThat(HeapDumpNames.labelProblem("line\nbreak")).contains("control character");
	}

	@Test
	void overLongLabelsShouldBeRefused() {
		assertThat(HeapDumpNames.labelProblem("x".repeat(100))).isNull();
		assertThat(HeapDumpNames.labelProblem("x".repeat(101))).isEqualTo("label is 101 characters long; use at most 100");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "   " })
	void labelsThatDescribeNothingShouldBeRefused(String label) {
		assertThat(HeapDumpNames.labelProblem(label)).contains("does not describe anything");
	}

	@Test
	void anAbsentLabelShouldBeFine() {
		assertThat(HeapDumpNames.labelProblem(null)).isNull();
		assertThat(HeapDumpNames.labelProblem("")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "/etc/passwd", "..", ".", "heapdump.hprof", "x.hprof",
			"heapdump-20260301T101500123Z-live.hprof/../../x", "heapdump-20260301T101500123Z-live.hprof\u0000.txt",
			"heapdump-20260301T101500123Z-live-a/b.hprof", "heapdump-20260301T101500123Z-live-..%2F.hprof",
			"heapdump-20260301T101500123Z-live.hprof.zip", "HEAPDUMP-20260301T101500123Z-live.hprof",
			"heapdump-20261301T101500123Z-live.hprof " })
	void namesThatAreNotOursShouldBeRefused(String name) {
		assertThat(HeapDumpNames.nameProblem(name)).contains("is not the name of a heap dump");
		assertThat(HeapDumpNames.parse(name)).isEmpty();
	}

	@Test
	void overLongNamesShouldBeRefusedWithoutEchoingThem() {
		String problem = HeapDumpNames.nameProblem("heapdump-" + "x".repeat(5000));
		assertThat(problem).startsWith("name is 5009 characters long");
		assertThat(problem).hasSizeLessThan(200);
	}

	@Test
	void aNameWithAnImpossibleDateShouldNotParse() {
		assertThat(HeapDumpNames.parse("heapdump-20261301T101500123Z-live.hprof")).isEmpty();
	}

}
