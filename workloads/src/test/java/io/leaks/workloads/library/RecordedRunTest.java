package io.leaks.workloads.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.workloads.WorkloadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fast leak recorded the way {@code record.sh} records it, in a JVM of its own with a
 * small heap: it exhausts the heap, marks it, ends by itself, and is labelled a leak with
 * its onset and exhaustion.
 */
class RecordedRunTest {

	@TempDir
	Path directory;

	@Test
	void fastLeakShouldExhaustASmallHeapAndBeLabelledALeak() throws Exception {
		Path trace = this.directory.resolve("serial-64m-fast-leak.trace.gz");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				WorkloadApplication.class.getName(), "--workload.scenario=fast-leak", "--workload.duration=90s",
				"--workload.rate=200MiB/min", "--workload.after-exhaustion=3s",
				"--workload.background.allocation=2MiB/s", "--workload.background.http=0/s", "--leaks.trend.interval=2s",
				"--leaks.trend.record-to=" + trace));
		// At a pace the run notices the full heap before an OutOfMemoryError: while the heap is
		// full, the JVM drops GC notifications it has no memory to create.
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("service.log").toFile())
			.start();
		try {
			assertThat(process.waitFor(150, TimeUnit.SECONDS)).as(log()).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(process.exitValue()).as(log()).isZero();

		Trace recorded = TraceReader.read(trace);
		List<String> marks = recorded.marks().stream().map(Trace.Mark::text).toList();
		assertThat(marks).containsSubsequence("start", "leak-start", "exhausted", "leak-stop", "end").endsWith("end");
		assertThat(recorded.end()).isEqualTo("closed");
		TraceFacts facts = TraceFacts.of(recorded);
		assertThat(facts.scenario()).isEqualTo("fast-leak");
		assertThat(facts.collector()).isEqualTo("Serial");
		assertThat(facts.exhaustedMillis()).isGreaterThan(facts.leakStartMillis());
		// Exhausted before the 90 s the run was given, and ended about 3 s later (more on a
		// busy machine, where a full heap slows everything down).
		assertThat(facts.durationSeconds()).isLessThan(88);
		assertThat(facts.endMillis() - facts.exhaustedMillis()).isBetween(2_000L, 60_000L);
		// The floor rose above where it began (how near the max it is seen last depends on
		// which collections the full heap still reported: in a 20-second run the windows at
		// both ends overlap, and the JVM drops notifications while the heap is full).
		assertThat(facts.heapFloorLast()).as("the floor at the end against the start")
			.isGreaterThan(facts.heapFloorFirst());

		Path labels = this.directory.resolve("labels.csv");
		LabelRow.main(new String[] { trace.toString(), labels.toString(), "64m", "200MiB/min", "test",
				"record.sh --scenario fast-leak --gc Serial --heap 64m" });
		List<String> lines = Files.readAllLines(labels);
		assertThat(lines.get(0)).isEqualTo(LabelRow.HEADER);
		assertThat(lines.get(1)).startsWith("serial-64m-fast-leak.trace.gz,leak,fast-leak,Serial,17.")
			.contains(",64m,", "," + facts.leakStartMillis() + "," + facts.exhaustedMillis() + ",200MiB/min,test,\"fast leak:")
			.endsWith(",record.sh --scenario fast-leak --gc Serial --heap 64m");
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("service.log"));
		}
		catch (IOException ex) {
			return "no log: " + ex.getMessage();
		}
	}

}
