package io.leaks.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leaks.analysis.Analyses;
import io.leaks.analysis.Analysis;
import io.leaks.analysis.AnalysisRepository;
import io.leaks.analysis.AnalyzerSettings;
import io.leaks.analysis.ChildAnalyzer;
import io.leaks.heapdump.HeapDumpNames;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.histogram.HistogramSnapshot;
import io.leaks.histogram.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.Access;

import static io.leaks.actuate.SnapshotOperationsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The analyses' operations without HTTP: which classes an analysis looks at when none are
 * named, and what read-only callers are told. No analysis here reads a dump: one that is
 * queued is deleted at once, which stops its JVM.
 */
class AnalysisOperationsTests {

	@TempDir
	Path temp;

	private HeapDumpRepository dumps;

	private Analyses analyses;

	@BeforeEach
	void setUp() {
		this.dumps = new HeapDumpRepository(this.temp.resolve("dumps"));
		AnalysisRepository repository = new AnalysisRepository(this.dumps.directory().resolve("analyses"), 5);
		this.analyses = new Analyses(new ChildAnalyzer(AnalyzerSettings.DEFAULT, repository.runtimeDirectory()),
				repository, this.dumps, Clock.systemUTC());
	}

	@AfterEach
	void tearDown() {
		this.analyses.close();
	}

	@Test
	void namedClassesShouldComeFirstThenTheSuspectsThenTheGrowers() throws Exception {
		dump();
		AnalysisOperations operations = operations(Access.UNRESTRICTED, List.of("com.example.Suspect"),
				List.of("com.example.Grower"));
		assertChosen(operations.start(null, null, null, "com.example.A,com.example.B"), "request", "com.example.A",
				"com.example.B");
		assertChosen(operations.start("latest", null, null, null), "suspects", "com.example.Suspect");
		assertChosen(operations(Access.UNRESTRICTED, List.of(), List.of("com.example.Grower")).start(null, null, null,
				" "), "comparison", "com.example.Grower");
		assertRefused(() -> operations(Access.UNRESTRICTED, List.of(), List.of()).start(null, null, null, null), 400,
				"Name the classes to analyse");
	}

	@Test
	void growersShouldBeTheApplicationClassesThatGainedInstancesBetweenTheLatestTwoSnapshots() {
		SnapshotStore store = new SnapshotStore(5);
		assertThat(AnalysisOperations.growers(store).get()).as("no snapshots yet").isEmpty();
		store.add(snapshot("before", new HistogramEntry("[B", "java.base", 10, 1000),
				new HistogramEntry("com.example.Listener", null, 10, 320),
				new HistogramEntry("com.example.Shrinking", null, 50, 800)));
		assertThat(AnalysisOperations.growers(store).get()).as("one snapshot").isEmpty();
		store.add(snapshot("after", new HistogramEntry("[B", "java.base", 5000, 500000),
				new HistogramEntry("com.example.Listener", null, 1010, 32320),
				new HistogramEntry("com.example.Shrinking", null, 5, 80),
				new HistogramEntry("com.example.Cache", null, 20, 640)));
		assertThat(AnalysisOperations.growers(store).get()).containsExactly("com.example.Listener",
				"com.example.Cache");
	}

	@Test
	void aComparisonAndASingleDumpAtOnceShouldBe400() {
		AnalysisOperations operations = operations(Access.UNRESTRICTED, List.of(), List.of());
		assertRefused(() -> operations.start("latest", "a", null, "x.Y"), 400, "not both");
		assertRefused(() -> operations.start(null, null, "b", "x.Y"), 400, "needs the earlier dump too");
	}

	@Test
	void readOnlyCallersShouldNeverBeToldWhereTheDumpsAndAnalysesAre() {
		AnalysisOperations readOnly = operations(Access.READ_ONLY, List.of(), List.of());
		AnalysisOperations unrestricted = operations(Access.UNRESTRICTED, List.of(), List.of());
		assertThat(readOnly.list().directory()).isNull();
		assertThat(unrestricted.list().directory())
			.isEqualTo(this.dumps.directory().resolve("analyses").toString());
		assertRefused(() -> unrestricted.start(null, null, null, "x.Y"), 404, "in " + this.dumps.directory());
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> readOnly.start(null, null, null, "x.Y"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("There is no heap dump to analyse in leaks.heap-dump.directory")
			.withMessageNotContaining(this.temp.toString());
		Analysis reserved = this.analyses.reserve("suspects");
		Path work = this.dumps.directory().resolve("analyses").resolve("runtime");
		this.analyses.failReserved(reserved.id(), "Not enough free disk space in " + work + " for the index");
		assertThat(unrestricted.get(reserved.id()).reason()).contains(work.toString());
		assertThat(readOnly.get(reserved.id()).reason())
			.isEqualTo("Not enough free disk space in leaks.analysis.directory/runtime for the index");
		assertThat(readOnly.list().analyses()).singleElement()
			.satisfies((listed) -> assertThat(listed.reason()).doesNotContain(this.temp.toString()));
	}

	private void assertChosen(AnalysisView started, String from, String... classes) {
		try {
			assertThat(started.classesFrom()).isEqualTo(from);
			assertThat(started.classes()).containsExactly(classes);
		}
		finally {
			this.analyses.delete(started.id());
			await().atMost(Duration.ofSeconds(30)).until(() -> !this.analyses.isBusy());
		}
	}

	private AnalysisOperations operations(Access access, List<String> suspects, List<String> growers) {
		return new AnalysisOperations(this.analyses, access, () -> suspects, () -> growers);
	}

	/** A file under a dump's name: enough to queue an analysis, which is deleted before it reads it. */
	private void dump() throws Exception {
		Files.createDirectories(this.dumps.directory());
		Files.writeString(this.dumps.directory().resolve(HeapDumpNames.generate(Instant.now(), true, null)), "JAVA");
	}

	private static HistogramSnapshot snapshot(String label, HistogramEntry... entries) {
		return new HistogramSnapshot(label, Instant.now(), true, Duration.ZERO, new ClassHistogram(List.of(entries)));
	}

}
