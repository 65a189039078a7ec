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
	void aLabelShouldSurviveItsFileNameWhole() {
		String name = HeapDumpNames.generate(AT, true, "after:login");
		assertThat(name).isEqualTo("heapdump-20260301T101500123Z-live-after~login.hprof");
		assertThat(HeapDumpNames.parse(name).orElseThrow().label()).isEqualTo("after:login");
		assertThat(HeapDumpNames.parse(name + ".gz").orElseThrow().label()).isEqualTo("after:login");
		assertThat(HeapDumpNames.next(name)).isEqualTo("heapdump-20260301T101500124Z-live-after~login.hprof");
	}

	@Test
	void everyValidLabelShouldGiveADistinctNameThatReadsBackAsIt() {
		java.util.Random random = new java.util.Random(11);
		String alphabet = "abcXYZ019._-:";
		java.util.Map<String, String> labelsByName = new java.util.HashMap<>();
		for (int i = 0; i < 5000; i++) {
			StringBuilder label = new StringBuilder();
			for (int length = 1 + random.nextInt(6); label.length() < length;) {
				label.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (HeapDumpNames.labelProblem(label.toString()) != null) {
				continue;
			}
			String name = HeapDumpNames.generate(AT, true, label.toString());
			assertThat(HeapDumpNames.nameProblem(name)).isNull();
			assertThat(HeapDumpNames.parse(name).orElseThrow().label()).isEqualTo(label.toString());
			String earlier = labelsByName.put(name, label.toString());
			assertThat(earlier).as(name).isIn(null, label.toString());
		}
		assertThat(labelsByName).hasSizeGreaterThan(1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "after batch", "ü", "a~b", "a%2Fb", "(x)", "a;b", "a*b" })
	void labelsOutsideTheAlphabetShouldBeRefusedNotRewritten(String label) {
		assertThat(HeapDumpNames.labelProblem(label)).contains("use letters, digits, '.', '_', '-' and ':' only");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> HeapDumpNames.generate(AT, true, label));
	}

	@Test
	void aLabelShouldFollowTheSnapshotLabelRule() {
		for (String label : new String[] { "after_startup", "after-batch-job", "v1.2", "run:3", "A", "now", "a..b" }) {
			assertThat(HeapDumpNames.labelProblem(label)).as(label).isNull();
			assertThat(io.leaks.label.Labels.problem(label)).as(label).isNull();
		}
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
		assertThat(HeapDumpNames.labelProblem(label)).contains("a label is never a path");
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
	@ValueSource(strings = { ".", ".." })
	void labelsThatDescribeNothingShouldBeRefused(String label) {
		assertThat(HeapDumpNames.labelProblem(label)).contains("is reserved");
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
