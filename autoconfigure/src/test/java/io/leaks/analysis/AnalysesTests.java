package io.leaks.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.leaks.heapdump.HeapDumpNames;
import io.leaks.heapdump.HeapDumpRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Analyses of real dumps in the dump directory, one at a time, kept on disk.
 */
class AnalysesTests {

	private static final String SUBSCRIBER = AnalysisFixture.Subscriber.class.getName();

	@TempDir
	Path temp;

	private HeapDumpRepository dumps;

	private AnalysisRepository repository;

	private Analyses analyses;

	private final List<Analysis> finished = new CopyOnWriteArrayList<>();

	private int dumpCount;

	@BeforeEach
	void setUp() {
		this.dumps = new HeapDumpRepository(this.temp.resolve("dumps"));
		this.repository = new AnalysisRepository(this.dumps.directory().resolve("analyses"), 1);
		this.analyses = analyses(ChildAnalyzerTests.SETTINGS);
	}

	@AfterEach
	void tearDown() {
		this.analyses.close();
	}

	@Test
	void analysesShouldRunOneAtATimeAndBeKeptOwnerOnlyWithinTheLimit() throws Exception {
		dump("first", 100);
		String latest = dump("second", 500);
		Analysis queued = this.analyses.analyse(Analyses.LATEST, List.of(SUBSCRIBER), "request", false);
		assertThat(queued.status()).isEqualTo(AnalysisStatus.QUEUED);
		assertThat(queued.heapDump()).isEqualTo(latest);
		assertThat(AnalysisRepository.isId(queued.id())).isTrue();
		assertThatExceptionOfType(AnalysisException.class)
			.isThrownBy(() -> this.analyses.analyse(Analyses.LATEST, List.of(SUBSCRIBER), "request", false))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AnalysisException.Reason.BUSY))
			.withMessageContaining(queued.id());
		Analysis done = awaitFinished(queued.id());
		assertThat(done.status()).isEqualTo(AnalysisStatus.DONE);
		assertThat(done.result().heapDump()).isEqualTo(latest);
		assertThat(done.result().classes().get(0).owners().get(0).instances()).isEqualTo(500);
		assertThat(done.startedAt()).isNotNull();
		assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
		assertThat(done.analyzer().peakHeapBytes()).isPositive();
		Path file = this.repository.directory().resolve(done.id() + ".json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.repository.directory())))
			.isEqualTo("rwx------");
		assertThat(this.analyses.list()).extracting(Analysis::id).containsExactly(done.id());
		assertThat(this.finished).extracting(Analysis::id).containsExactly(done.id());
		// The dump directory still lists only dumps.
		assertThat(this.dumps.list()).hasSize(2);
		// A new analysis is accepted once the last has finished; at most maxCount are kept.
		String next = awaitFinished(this.analyses.analyse(Analyses.LATEST, List.of(SUBSCRIBER), "request", false).id())
			.id();
		assertThat(this.analyses.list()).extracting(Analysis::id).containsExactly(next);
	}

	@Test
	void deletingARunningAnalysisShouldStopItAndKeepNothing() throws Exception {
		dump(null, 100);
		Analysis running = this.analyses.analyse(Analyses.LATEST, List.of(SUBSCRIBER), "request", false);
		this.analyses.delete(running.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.analyses.isBusy());
		assertThat(this.analyses.list()).isEmpty();
		assertThat(this.finished).isEmpty();
		assertThat(this.repository.workDirectory(running.id())).doesNotExist();
	}

	@Test
	void aComparisonShouldPutTheEarlierDumpFirst() throws Exception {
		String earlier = dump("a", 400);
		String later = dump("b", 700);
		Analysis compared = awaitFinished(this.analyses.compare(later, earlier, List.of(SUBSCRIBER), "request").id());
		assertThat(compared.status()).isEqualTo(AnalysisStatus.DONE);
		assertThat(compared.comparison()).isTrue();
		assertThat(compared.from()).isEqualTo(earlier);
		assertThat(compared.heapDump()).isEqualTo(later);
		HeapGrowth.OwnerGrowth list = compared.growth().classes().get(0).owners().get(0);
		assertThat(list.instancesFrom()).isEqualTo(400);
		assertThat(list.instancesTo()).isEqualTo(700);
	}

	@Test
	void badRequestsShouldBeRefusedWithTheReason() throws Exception {
		assertThatExceptionOfType(AnalysisException.class)
			.isThrownBy(() -> this.analyses.analyse(Analyses.LATEST, List.of("x.Y"), "request", false))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AnalysisException.Reason.NOT_FOUND))
			.withMessageContaining("POST /actuator/leaks/heapdumps");
		String dump = dump(null, 10);
		assertThatExceptionOfType(AnalysisException.class)
			.isThrownBy(() -> this.analyses.analyse("../../etc/passwd", List.of("x.Y"), "request", false))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AnalysisException.Reason.INVALID));
		assertThatExceptionOfType(AnalysisException.class)
			.isThrownBy(() -> this.analyses.analyse(dump, List.of("not a class!"), "request", false))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AnalysisException.Reason.INVALID));
		assertThatExceptionOfType(AnalysisException.class)
			.isThrownBy(() -> this.analyses.analyse(dump, List.of(), "request", false))
			.withMessageContaining("at least one class");
		assertThatExceptionOfType(AnalysisException.class).isThrownBy(() -> this.analyses.compare(dump, dump,
				List.of("x.Y"), "request"))
			.withMessageContaining("two different dumps");
		assertThatExceptionOfType(AnalysisException.class).isThrownBy(() -> this.analyses.get("a-nope"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AnalysisException.Reason.NOT_FOUND));
		assertThat(this.analyses.isBusy()).isFalse();
	}

	@Test
	void anAnalysisLeftRunningByAStoppedApplicationShouldBeMarkedFailed() {
		Instant then = Instant.parse("2026-11-30T10:00:00Z");
		Analysis stale = Analysis.queued(this.repository.newId(then), "heapdump-x.hprof", null, List.of("x.Y"),
				"request", false, then).running(AnalysisStep.FINDING_PATHS, then);
		this.repository.save(stale);
		this.analyses.close();
		this.analyses = analyses(ChildAnalyzerTests.SETTINGS);
		Analysis recovered = this.analyses.get(stale.id());
		assertThat(recovered.status()).isEqualTo(AnalysisStatus.FAILED);
		assertThat(recovered.reason()).contains("application stopped");
	}

	private Analysis awaitFinished(String id) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.analyses.find(id).map((analysis) -> analysis.status().finished()).orElse(false));
		return this.analyses.get(id);
	}

	private Analyses analyses(AnalyzerSettings settings) {
		Analyses created = new Analyses(new ChildAnalyzer(settings, this.repository.runtimeDirectory()),
				this.repository, this.dumps, Clock.systemUTC());
		created.onFinished(this.finished::add);
		return created;
	}

	/** A fixture dump in the dump directory, named as the starter names dumps. */
	private String dump(String label, int subscribers) throws Exception {
		Files.createDirectories(this.dumps.directory());
		String name = HeapDumpNames.generate(Instant.now().plusMillis(this.dumpCount++), true, label);
		AnalysisFixture.dump(this.dumps.directory().resolve(name), subscribers);
		return name;
	}

}
