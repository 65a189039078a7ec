package io.leaks.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.leaks.autoconfigure.LeaksAutoConfiguration;
import io.leaks.autoconfigure.LeaksTrendAutoConfiguration;
import io.leaks.histogram.Snapshots;
import io.leaks.trend.LeakWatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records a real JVM: its own collections, samples, judgements and a live snapshot, through
 * the starter's beans, and reads the trace back.
 */
@Tag("core")
class TraceRecordingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksTrendAutoConfiguration.class))
		.withPropertyValues("leaks.trend.interval=200ms", "spring.application.name=recorded app");

	@TempDir
	Path directory;

	@Test
	void runWithoutRecordToShouldRecordNothing() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TraceRecording.class));
	}

	@Test
	void runShouldRecordWhatTheAnalysisSeesIntoANewFileOfTheDirectory() throws IOException {
		this.contextRunner.withPropertyValues("leaks.trend.record-to=" + this.directory).run((context) -> {
			TraceRecording recording = context.getBean(TraceRecording.class);
			assertThat(recording.file()).isPresent();
			recording.mark("before the collections");
			System.gc();
			context.getBean(Snapshots.class).capture("user", true);
			LeakWatch watch = context.getBean(LeakWatch.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> watch.samples().size() >= 3);
		});
		List<Path> files;
		try (Stream<Path> listed = Files.list(this.directory)) {
			files = listed.toList();
		}
		assertThat(files).singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).startsWith("recorded_app-").endsWith(".trace.gz"));
		Trace trace = TraceReader.read(files.get(0));
		assertThat(trace.end()).isEqualTo("closed");
		assertThat(trace.meta()).containsKeys("java.version", "collectors", "heap.pools", "jvm.arguments",
				"settings.interval");
		assertThat(trace.maxHeap()).isEqualTo(Runtime.getRuntime().maxMemory());
		assertThat(trace.collections()).as("System.gc() and the live snapshot's collection")
			.filteredOn((collection) -> collection.forced())
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((collection) -> assertThat(collection.pools()).isNotEmpty());
		assertThat(trace.histograms()).singleElement().satisfies((histogram) -> {
			assertThat(histogram.purpose()).isEqualTo("snapshot");
			assertThat(histogram.live()).isTrue();
			assertThat(histogram.classes()).isNotEmpty();
		});
		assertThat(trace.samples()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((sample) -> assertThat(sample.heapMax()).isEqualTo(trace.maxHeap()));
		assertThat(trace.ticks()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(trace.verdicts()).extracting(Trace.Verdict::resource).contains("heap", "metaspace", "threads");
		assertThat(trace.marks()).extracting(Trace.Mark::text).containsExactly("before the collections");
	}

	@Test
	void runShouldNeverOverwriteATrace() throws IOException {
		Path existing = Files.writeString(this.directory.resolve("kept.trace.gz"), "someone's trace");
		this.contextRunner.withPropertyValues("leaks.trend.record-to=" + existing).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TraceRecording.class).file()).isEmpty();
		});
		assertThat(existing).hasContent("someone's trace");
	}

}
