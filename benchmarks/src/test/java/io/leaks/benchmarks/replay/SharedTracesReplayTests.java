package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.leaks.autoconfigure.LeaksProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled real GC logs of {@code ../shared/traces} replay through the production path
 * at the starter's defaults, every trace judged at every interval, with the summary line
 * the replay command prints.
 */
class SharedTracesReplayTests {

	static final Path SHARED = Path.of("..", "..", "shared", "traces");

	@Test
	void sharedTracesShouldReplayAtDefaultsWithTheirSummaryLine() throws IOException {
		assertThat(SHARED.resolve("labels.csv")).as("../shared/traces beside the checkout").exists();
		List<TraceLibrary.LabelledTrace> traces = TraceLibrary.read(SHARED);
		List<String> lines = new ArrayList<>();
		TraceReplay.Scores scores = TraceReplay.score(traces, new LeaksProperties().getTrend(), lines::add);
		assertThat(lines).hasSameSizeAs(traces);
		assertThat("replay: " + scores.analyzer()).matches("replay: detected=\\d+/8 false_alarms=\\d+/17");
		assertThat(scores.analyzer().detected()).as(String.join("\n", lines)).isGreaterThanOrEqualTo(7);
		assertThat(scores.analyzer().falseAlarms()).as(String.join("\n", lines)).isZero();
	}

}
