package io.leaks.workloads.soak;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trace.TraceWriter;
import io.leaks.trend.GcNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's figures from traces written the way the starter writes them.
 */
class SoakSummaryTest {

	private static final String LISTENER = "io.leaks.demo.listeners.OrderListener";

	@TempDir
	Path directory;

	@Test
	void leakNamedInTimeShouldBeOkWithItsLeadAndForcedCollections() throws Exception {
		Path trace = this.directory.resolve("leak.trace.gz");
		try (TraceWriter writer = new TraceWriter(Files.newOutputStream(trace), 1 << 20)) {
			writer.meta("start.epochMillis", "1000000");
			writer.mark(5_000, "start");
			writer.mark(5_000, "leak-start");
			writer.collection(collection(60_000, "G1 Evacuation Pause"));
			writer.collection(collection(200_000, "Heap Inspection Initiated GC"));
			writer.collection(collection(210_000, "Heap Inspection Initiated GC"));
			writer.verdict(200_000, "heap", "COLLECTING", false, "FLOOR_TREND", 1e6, "rises");
			writer.event(245_000, "LeakSuspected", "heap", List.of(LISTENER, "[B"));
			writer.verdict(245_000, "heap", "LEAK_SUSPECTED", true, "FLOOR_TREND", 1e6, "rises");
			writer.mark(605_000, "exhausted");
			writer.mark(665_000, "end");
			writer.end(666_000, "closed");
		}
		SoakRun run = new SoakRun("workload-listener", true, LISTENER, "listener-leak", trace,
				this.directory.resolve("none.gc.log"), this.directory.resolve("none.log"), -1);
		SoakResult result = SoakSummary.measure(run, TraceReader.read(trace));
		assertThat(result.firstEventSeconds()).isEqualTo(240);
		assertThat(result.firstEventSuspects()).containsExactly(LISTENER, "[B");
		// 600 s from the leak's start to exhaustion, 360 s of it still ahead at the event.
		assertThat(result.lead()).isEqualTo(0.6);
		assertThat(result.forcedInTrace()).isEqualTo(2);
		assertThat(result.forcedFromLog()).isEqualTo(-1);
		assertThat(result.outOfMemory()).isTrue();
		assertThat(result.finalStatus()).isEqualTo("heap=LEAK_SUSPECTED");
		assertThat(result.outcome()).isEqualTo("ok");
	}

	@Test
	void demoShouldCountFromItsDriverAndJudgeEachOutcome() throws Exception {
		Path trace = this.directory.resolve("demo.trace.gz");
		try (TraceWriter writer = new TraceWriter(Files.newOutputStream(trace), 1 << 20)) {
			writer.meta("start.epochMillis", "1000000");
			writer.event(700_000, "LeakSuspected", "heap", List.of("[B"));
			writer.tick(2_720_000);
			writer.end(2_720_000, "closed");
		}
		Path gcLog = this.directory.resolve("demo.gc.log");
		Files.write(gcLog, List.of("[1.0s][info][gc] GC(1) Pause Full (System.gc()) 1M->1M(1M) 1ms"));
		Trace read = TraceReader.read(trace);
		// The driver started 20 s after the JVM.
		SoakRun leaking = new SoakRun("demo-listeners-leaking", true, LISTENER, "listeners/leaking 100/s", trace, gcLog,
				this.directory.resolve("demo.log"), 1_020_000);
		SoakResult named = SoakSummary.measure(leaking, read);
		assertThat(named.firstEventSeconds()).isEqualTo(680);
		assertThat(named.watchedSeconds()).isEqualTo(2700);
		assertThat(named.forcedFromLog()).isEqualTo(1);
		assertThat(named.lead()).isNull();
		assertThat(named.outcome()).isEqualTo("NOT NAMED");
		SoakRun fixed = new SoakRun("demo-listeners-fixed", false, null, "listeners/fixed 100/s", trace, gcLog,
				this.directory.resolve("demo.log"), 1_020_000);
		assertThat(SoakSummary.measure(fixed, read).outcome()).isEqualTo("FALSE ALARM");
		SoakResult late = new SoakResult(leaking, 2700, 680, "heap", List.of(LISTENER), null, "", 0, 0, false);
		assertThat(late.outcome()).isEqualTo("LATE");
		SoakResult missed = new SoakResult(leaking, 2700, -1, "", List.of(), null, "heap=STABLE", 0, 0, false);
		assertThat(missed.outcome()).isEqualTo("MISSED");
		SoakResult quiet = new SoakResult(fixed, 2700, -1, "", List.of(), null, "heap=STABLE", 4, 4, false);
		assertThat(quiet.outcome()).isEqualTo("over forced budget");
	}

	@Test
	void printShouldGiveARowPerServiceAndATotal() throws Exception {
		SoakRun fixed = new SoakRun("demo-cache-fixed", false, null, "cache/fixed 100/s", Path.of("t"), Path.of("g"),
				Path.of("l"), 0);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		SoakSummary.print(List.of(new SoakResult(fixed, 2700, -1, "", List.of(), null, "heap=STABLE", 0, 0, false)),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String text = bytes.toString(StandardCharsets.UTF_8);
		assertThat(text.lines()).hasSize(3);
		assertThat(text).contains("demo-cache-fixed", "heap=STABLE; no event", "soak: ok=1/1");
	}

	private static GcNotification collection(long end, String cause) {
		return new GcNotification("G1 Young Generation", "end of minor GC", cause, end - 10, end, 10,
				List.of(new GcNotification.PoolUsage("G1 Old Gen", 10 << 20, 64 << 20, 10 << 20, 64 << 20, 256 << 20)));
	}

}
