package io.leaks.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.leaks.analysis.AnalysisFixture.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer in its own JVM, started from the exploded class path Maven's test runner
 * uses, on real live dumps of a small fixture JVM ({@link AnalysisFixture}).
 */
class ChildAnalyzerTests {

	/**
	 * The defaults at normal priority: the test machine is shared, and a lowered priority
	 * only makes the tests slower (the command test checks the default niceness).
	 */
	static final AnalyzerSettings SETTINGS = new AnalyzerSettings(AnalyzerSettings.DEFAULT.maxHeapBytes(),
			AnalyzerSettings.DEFAULT.timeLimit(), 0, 0, HeapAnalyzer.Limits.DEFAULT, List.of());

	private static final String SUBSCRIBER = Subscriber.class.getName();

	@TempDir
	Path temp;

	@Test
	void analysisShouldNameEveryHolderWithItsPathRootAndRetainedSize() throws Exception {
		Path dump = AnalysisFixture.dump(this.temp.resolve("fixture.hprof"), 1000);
		List<AnalysisStep> steps = new CopyOnWriteArrayList<>();
		AnalyzerOutcome outcome = analyzer(SETTINGS).run(
				new AnalyzerRequest(List.of(file(dump)), List.of(SUBSCRIBER, "com.example.Missing"),
						HeapAnalyzer.Limits.DEFAULT),
				this.temp.resolve("work"), steps::add, () -> false);
		assertThat(outcome.failure()).isNull();
		ClassFinding finding = outcome.output().analysis().classes().get(0);
		assertThat(finding.found()).isTrue();
		assertThat(finding.instances()).isEqualTo(1300);
		assertThat(finding.reachable()).isEqualTo(1300);
		assertThat(finding.examined()).isEqualTo(1300);
		assertThat(finding.shallowBytes()).isPositive();
		// Each subscriber keeps its 1 KB payload alive.
		assertThat(finding.retainedBytes()).isGreaterThanOrEqualTo(1300L * 1024);
		assertThat(finding.retainedExact()).isTrue();

		Owner list = finding.owners().get(0);
		assertThat(list.className()).isEqualTo(CopyOnWriteArrayList.class.getName());
		assertThat(list.instances()).isEqualTo(1000);
		assertThat(list.retainedBytes()).isGreaterThan(1000L * 1024);
		assertThat(list.exact()).isTrue();
		assertThat(list.path().root()).isEqualTo(
				new GcRoot(GcRootKind.STATIC_FIELD, AnalysisFixture.class.getName(), null, null));
		assertThat(list.path().steps()).containsExactly(
				new PathStep(AnalysisFixture.class.getName(), ReferenceKind.STATIC_FIELD, "SUBSCRIBERS"),
				PathStep.last(CopyOnWriteArrayList.class.getName()));

		Owner local = finding.owners().get(1);
		assertThat(local.instances()).isEqualTo(AnalysisFixture.THREAD_LOCAL_COUNT);
		assertThat(local.path().root().kind()).isEqualTo(GcRootKind.THREAD_LOCAL);
		assertThat(local.path().root().thread()).isEqualTo(AnalysisFixture.WORKER);
		assertThat(local.path().steps().get(0)).isEqualTo(
				new PathStep("java.lang.Thread", ReferenceKind.INSTANCE_FIELD, "threadLocals"));
		assertThat(local.retainedBytes()).isGreaterThan(300L * 1024);

		PathGroup listed = finding.paths().get(0);
		assertThat(listed.instances()).isEqualTo(1000);
		assertThat(listed.path().steps()).extracting(PathStep::reference)
			.containsExactly("SUBSCRIBERS", "array", listed.path().steps().get(2).reference(), null);
		assertThat(listed.path().steps().get(2).referenceKind()).isEqualTo(ReferenceKind.ARRAY_ELEMENT);
		assertThat(listed.path().steps().get(2).reference()).matches("\\[\\d+\\]");
		PathGroup threadLocal = finding.paths().get(1);
		assertThat(threadLocal.instances()).isEqualTo(300);
		assertThat(threadLocal.threads()).containsExactly(AnalysisFixture.WORKER);
		// Soft references are never a path that holds.
		assertThat(finding.paths()).allSatisfy((path) -> assertThat(path.path().pattern()).doesNotContain("referent"));

		assertThat(outcome.output().analysis().classes().get(1)).isEqualTo(ClassFinding.missing("com.example.Missing"));
		assertThat(steps).containsSubsequence(AnalysisStep.STARTING, AnalysisStep.INDEXING,
				AnalysisStep.COUNTING_INSTANCES, AnalysisStep.FINDING_PATHS, AnalysisStep.FINDING_OWNERS,
				AnalysisStep.COMPUTING_RETAINED_SIZES);
		AnalyzerFigures figures = outcome.output().figures();
		assertThat(figures.maxHeapBytes()).isLessThanOrEqualTo(256L * 1024 * 1024);
		assertThat(figures.peakHeapBytes()).isPositive();
		assertThat(figures.indexBytes()).isPositive();
		assertThat(figures.cpuMillis()).isPositive();
		assertThat(this.temp.resolve("work")).doesNotExist();
	}

	@Test
	void growthShouldShowTheOwnerThatGainedInstancesAndTheOneThatDidNot() throws Exception {
		Path before = AnalysisFixture.dump(this.temp.resolve("before.hprof"), 400);
		Path after = AnalysisFixture.dump(this.temp.resolve("after.hprof"), 1000);
		AnalyzerOutcome outcome = run(SETTINGS, file(before), file(after));
		assertThat(outcome.failure()).isNull();
		HeapGrowth.ClassGrowth subscribers = outcome.output().growth().classes().get(0);
		assertThat(subscribers.instancesFrom()).isEqualTo(700);
		assertThat(subscribers.instancesTo()).isEqualTo(1300);
		assertThat(subscribers.instancesDelta()).isEqualTo(600);
		assertThat(subscribers.growing()).isTrue();
		HeapGrowth.OwnerGrowth list = subscribers.owners().get(0);
		assertThat(list.className()).isEqualTo(CopyOnWriteArrayList.class.getName());
		assertThat(list.instancesFrom()).isEqualTo(400);
		assertThat(list.instancesTo()).isEqualTo(1000);
		assertThat(list.growing()).isTrue();
		assertThat(list.retainedBytesDelta()).isGreaterThanOrEqualTo(600L * 1024);
		HeapGrowth.OwnerGrowth local = subscribers.owners().get(1);
		assertThat(local.path().root().kind()).isEqualTo(GcRootKind.THREAD_LOCAL);
		assertThat(local.instancesDelta()).isZero();
		assertThat(local.growing()).isFalse();
	}

	@Test
	void anAnalyzerOutOfHeapShouldFailWithTheReason() throws Exception {
		Path dump = AnalysisFixture.dump(this.temp.resolve("big.hprof"), 100);
		AnalyzerSettings tiny = new AnalyzerSettings(32L * 1024 * 1024, Duration.ofMinutes(2), 0, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of("-Xmx4m"));
		AnalyzerOutcome outcome = run(tiny, file(dump));
		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.failure()).contains("ran out of").contains("leaks.analysis.max-heap");
	}

	@Test
	void anAnalyzerBeyondItsTimeLimitShouldBeStopped() throws Exception {
		Path dump = AnalysisFixture.dump(this.temp.resolve("slow.hprof"), 100);
		AnalyzerSettings hurried = new AnalyzerSettings(256L * 1024 * 1024, Duration.ofMillis(300), 0, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of());
		AnalyzerOutcome outcome = run(hurried, file(dump));
		assertThat(outcome.failure()).contains("time limit").contains("leaks.analysis.time-limit");
		assertThat(this.temp.resolve("work")).doesNotExist();
	}

	@Test
	void anAnalyzerBeyondItsDiskBudgetShouldBeStopped() throws Exception {
		Path dump = AnalysisFixture.dump(this.temp.resolve("wide.hprof"), 100);
		AnalyzerSettings cramped = new AnalyzerSettings(256L * 1024 * 1024, Duration.ofMinutes(2), 64 * 1024, 0,
				HeapAnalyzer.Limits.DEFAULT, List.of());
		AnalyzerOutcome outcome = run(cramped, file(dump));
		assertThat(outcome.failure()).contains("disk budget").contains("leaks.analysis.max-index-size");
	}

	@Test
	void aDumpThatIsGoneShouldFailWithTheReason() {
		AnalyzerOutcome outcome = run(SETTINGS, file(this.temp.resolve("gone.hprof")));
		assertThat(outcome.failure()).contains("gone.hprof is gone");
		assertThat(this.temp.resolve("work")).doesNotExist();
	}

	@Test
	void cancellingShouldStopTheAnalyzer() throws Exception {
		Path dump = AnalysisFixture.dump(this.temp.resolve("cancelled.hprof"), 100);
		AnalyzerOutcome outcome = analyzer(SETTINGS).run(
				new AnalyzerRequest(List.of(file(dump)), List.of(SUBSCRIBER), HeapAnalyzer.Limits.DEFAULT),
				this.temp.resolve("work"), (step) -> {
				}, () -> true);
		assertThat(outcome.failure()).isEqualTo("The analysis was cancelled");
	}

	@Test
	void theAnalyzerShouldRunTheRunningJdksJavaWithASmallHeapAtALowerPriority() throws Exception {
		List<String> command = analyzer(AnalyzerSettings.DEFAULT).command(this.temp.resolve("request.json"),
				this.temp.resolve("output.json"), this.temp);
		assertThat(command.subList(0, 3)).containsExactly("/usr/bin/nice", "-n", "10");
		assertThat(command.get(3)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		assertThat(command).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + this.temp,
				AnalyzerMain.class.getName());
		// Maven runs the tests on exploded classes: the analyzer gets the directory and the jars.
		String classpath = command.get(command.indexOf("-cp") + 1);
		assertThat(classpath.split(java.io.File.pathSeparator)).anyMatch((entry) -> entry.endsWith("target/classes"))
			.anyMatch((entry) -> entry.contains("org-netbeans-lib-profiler"))
			.anyMatch((entry) -> entry.contains("jackson-databind"))
			.noneMatch((entry) -> entry.contains("spring"));
	}

	private AnalyzerOutcome run(AnalyzerSettings settings, AnalyzerRequest.DumpFile... dumps) {
		return analyzer(settings).run(new AnalyzerRequest(List.of(dumps), List.of(SUBSCRIBER),
				HeapAnalyzer.Limits.DEFAULT), this.temp.resolve("work"), (step) -> {
				}, () -> false);
	}

	private ChildAnalyzer analyzer(AnalyzerSettings settings) {
		return new ChildAnalyzer(settings, this.temp.resolve("runtime"));
	}

	static AnalyzerRequest.DumpFile file(Path dump) {
		return new AnalyzerRequest.DumpFile(dump.getFileName().toString(), dump.toString(), false);
	}

}
