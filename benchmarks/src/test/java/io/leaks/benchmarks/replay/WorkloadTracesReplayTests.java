package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.leaks.autoconfigure.LeaksProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorded workload library ({@code workloads/traces}) replays through the production
 * path at the starter's defaults, with the summary line the replay command prints: every
 * heap leak it holds, on every collector, is called before its trace ends (one that
 * exhausts the heap with at least 40% of its time ahead), and no healthy run is. The leads
 * of this round are in {@code docs/benchmarks.md}; this test prints them.
 */
class WorkloadTracesReplayTests {

	static final Path LIBRARY = Path.of("..", "workloads", "traces");

	@Test
	void everyRecordedHeapLeakAndNoHealthyRunShouldBeCalledAtDefaults() throws IOException {
		List<TraceLibrary.LabelledTrace> traces = TraceLibrary.read(LIBRARY);
		assertThat(traces).as("the committed library").hasSizeGreaterThanOrEqualTo(10);
		List<String> lines = new ArrayList<>();
		TraceReplay.Scores scores = TraceReplay.score(traces, new LeaksProperties().getTrend(), lines::add);
		lines.forEach(System.out::println);
		System.out.println("replay: " + scores.analyzer());
		assertThat(lines).hasSameSizeAs(traces);
		assertThat("replay: " + scores.analyzer()).matches("replay: detected=\\d+/\\d+ false_alarms=\\d+/\\d+");
		assertThat(scores.analyzer().falseAlarms()).as(String.join("\n", lines)).isZero();
		// Issue 9's goal: a leak that exhausts the heap in its trace is called with at least
		// 40% of its time from onset to exhaustion still ahead.
		for (String line : lines) {
			java.util.regex.Matcher lead = java.util.regex.Pattern.compile(" lead=(-?\\d+)%").matcher(line);
			if (lead.find()) {
				assertThat(Integer.parseInt(lead.group(1))).as(line).isGreaterThanOrEqualTo(40);
			}
		}
		// Threads and metaspace are judged through time only (a pool ramping to its max
		// levels off): their leaks are called after the long span, an hour at the defaults,
		// longer than these recordings.
		List<TraceLibrary.LabelledTrace> heap = traces.stream()
			.filter((trace) -> !trace.leak() || trace.resource().equals("heap"))
			.toList();
		TraceReplay.Scores heapScores = TraceReplay.score(heap, new LeaksProperties().getTrend(), (line) -> {
		});
		assertThat(heapScores.analyzer().leaks()).as("heap leaks in the library").isGreaterThanOrEqualTo(8);
		assertThat(heapScores.analyzer().detected()).as(String.join("\n", lines))
			.isEqualTo(heapScores.analyzer().leaks());
	}

}
