package io.leaks.gc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The flag rules as pure logic: types, ranges, constraints, which collector acts on what,
 * and the messages for what HotSpot cannot change.
 */
class FlagRulesTests {

	private static final long MB = 1024 * 1024;

	private final FlagRules g1 = new FlagRules(Collector.G1, 8 * MB, 512 * MB);

	private final FlagRules parallel = new FlagRules(Collector.PARALLEL, 8 * MB, 512 * MB);

	@ParameterizedTest
	@CsvSource({ "MaxHeapFreeRatio, 50, 50", "MaxHeapFreeRatio, ' 0 ', 0", "MinHeapFreeRatio, 100, 100",
			"G1PeriodicGCInterval, 0, 0", "G1PeriodicGCInterval, 60000, 60000", "SoftMaxHeapSize, 256m, 268435456",
			"SoftMaxHeapSize, 262144K, 268435456", "SoftMaxHeapSize, 268435456, 268435456",
			"G1PeriodicGCSystemLoadThreshold, 1.5, 1.5", "G1PeriodicGCSystemLoadThreshold, 2, 2.0",
			"HeapDumpOnOutOfMemoryError, TRUE, true", "HeapDumpGzipLevel, 9, 9" })
	void normalizeShouldAcceptValidValuesInTheJvmsNotation(String flag, String requested, String expected) {
		assertThat(this.g1.rule(flag).orElseThrow().normalize(requested)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "MaxHeapFreeRatio|101|must be 0 to 100, was 101",
			"MaxHeapFreeRatio|-1|takes a whole number", "MaxHeapFreeRatio|fifty|takes a whole number",
			"MaxHeapFreeRatio|5.5|takes a whole number", "G1PeriodicGCInterval|10|0 (off) or 1000 to",
			"SoftMaxHeapSize|1g|must be 8m to 512m, was 1g", "SoftMaxHeapSize|1m|must be 8m to 512m",
			"SoftMaxHeapSize|99999999999999999g|must be 8m to 512m", "SoftMaxHeapSize|lots|takes a size in bytes",
			"G1PeriodicGCSystemLoadThreshold|-1|takes a decimal number",
			"G1PeriodicGCSystemLoadThreshold|NaN|takes a decimal number",
			"HeapDumpOnOutOfMemoryError|yes|is true or false, was 'yes'", "HeapDumpGzipLevel|10|must be 0 to 9" })
	void normalizeShouldRefuseWrongTypesAndRangesSayingWhatIsAccepted(String flag, String requested,
			String message) {
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.g1.rule(flag).orElseThrow().normalize(requested))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(TuningException.Reason.INVALID))
			.withMessageStartingWith(flag + " ")
			.withMessageContaining(message);
	}

	@Test
	void constraintsShouldKeepMinHeapFreeRatioAtOrBelowMax() {
		this.g1.checkConstraints(java.util.Map.of("MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "40"));
		assertThatExceptionOfType(TuningException.class)
			.isThrownBy(() -> this.g1
				.checkConstraints(java.util.Map.of("MinHeapFreeRatio", "80", "MaxHeapFreeRatio", "70")))
			.withMessageContaining("MinHeapFreeRatio (80) must not exceed MaxHeapFreeRatio (70)");
	}

	@Test
	void g1FlagsShouldBeEffectiveOnlyUnderG1AndSaySoOtherwise() {
		FlagRule interval = this.parallel.rule("G1PeriodicGCInterval").orElseThrow();
		assertThat(interval.effectiveUnder(Collector.G1)).isTrue();
		assertThat(interval.effectiveUnder(Collector.PARALLEL)).isFalse();
		assertThat(interval.effectUnder(Collector.PARALLEL))
			.isEqualTo("Does nothing under Parallel: only G1 acts on it. HotSpot accepts a new value anyway and ignores it");
		assertThat(interval.effectiveUnder(Collector.UNKNOWN)).isNull();
	}

	@Test
	void softMaxHeapSizeShouldBeEffectiveOnlyWhereTheCollectorHonoursIt() {
		FlagRule softMax = this.g1.rule("SoftMaxHeapSize").orElseThrow();
		assertThat(softMax.effectiveUnder(Collector.ZGC)).isTrue();
		assertThat(softMax.effectiveUnder(Collector.SHENANDOAH)).isTrue();
		assertThat(softMax.effectiveUnder(Collector.G1)).isFalse();
		assertThat(softMax.effectiveUnder(Collector.SERIAL)).isFalse();
		assertThat(softMax.effectUnder(Collector.G1)).startsWith("Does nothing under G1: only Shenandoah and ZGC act on it");
	}

	@Test
	void freeRatiosShouldActUnderTheGenerationalCollectorsOnly() {
		FlagRule max = this.g1.rule("MaxHeapFreeRatio").orElseThrow();
		assertThat(max.effectiveUnder(Collector.G1)).isTrue();
		assertThat(max.effectiveUnder(Collector.PARALLEL)).isTrue();
		assertThat(max.effectiveUnder(Collector.SERIAL)).isTrue();
		assertThat(max.effectiveUnder(Collector.ZGC)).isFalse();
		assertThat(this.g1.rule("HeapDumpOnOutOfMemoryError").orElseThrow().effectiveUnder(Collector.EPSILON))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "HeapDumpPath", "HeapDumpBeforeFullGC", "HeapDumpAfterFullGC" })
	void flagsThatCouldFillTheDiskOrTakeAPathShouldBeRefusedWithTheStartUpAlternative(String flag) {
		FlagRule rule = this.g1.rule(flag).orElseThrow();
		assertThat(rule.isChangeable()).isFalse();
		assertThat(rule.refusal()).contains("start-up").contains("-XX:");
	}

	@Test
	void aManageableFlagLeaksDoesNotKnowShouldBeListedButNeverWritten() {
		FlagRule rule = this.g1.ruleFor(new VmFlag("SomeFutureFlag", "42", "DEFAULT", true));
		assertThat(rule.isChangeable()).isFalse();
		assertThat(rule.type()).isEqualTo(FlagType.INTEGER);
		assertThat(rule.refusal()).contains("jcmd <pid> VM.set_flag SomeFutureFlag");
	}

	@Test
	void switchingCollectorsShouldBeExplainedAsAStartUpChoice() {
		assertThat(this.g1.notManageable("UseZGC", "true"))
			.isEqualTo("The collector is chosen when the JVM starts and cannot be switched while it runs (this JVM "
					+ "runs G1). To use ZGC, restart with -XX:+UseZGC");
		assertThat(this.g1.notManageable("UseG1GC", "false"))
			.startsWith("This JVM runs G1: the collector is chosen when the JVM starts and cannot be switched or "
					+ "turned off while it runs. To use another one, restart with -XX:+UseParallelGC");
	}

	@Test
	void disablingGcShouldPointAtEpsilonAsAStartUpOptionForTestsOnly() {
		assertThat(this.g1.notManageable("UseEpsilonGC", "true"))
			.startsWith("Garbage collection cannot be turned off while the JVM runs")
			.contains("-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC");
		assertThat(FlagRules.unknown("DisableGC")).contains("Garbage collection cannot be turned off");
	}

	@Test
	void otherStartUpFlagsShouldNameTheOptionToRestartWith() {
		assertThat(this.g1.notManageable("DisableExplicitGC", "true"))
			.isEqualTo("DisableExplicitGC is read only at start-up: restart with -XX:+DisableExplicitGC or "
					+ "-XX:-DisableExplicitGC");
		assertThat(this.g1.notManageable("MaxHeapSize", "1g")).contains("-Xmx").contains("SoftMaxHeapSize");
		assertThat(this.g1.notManageable("ParallelGCThreads", "4"))
			.isEqualTo("ParallelGCThreads is not manageable: HotSpot reads it only at start-up. Restart with "
					+ "-XX:ParallelGCThreads=4");
	}

	@Test
	void unknownFlagNamesShouldBeShownWithoutControlCharacters() {
		assertThat(FlagRules.unknown("Bad\u0000Name")).startsWith("No VM flag named 'Bad?Name' on this JVM.");
	}

}
