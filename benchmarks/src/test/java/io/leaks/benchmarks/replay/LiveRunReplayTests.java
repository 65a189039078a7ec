package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leaks.autoconfigure.LeaksProperties;
import io.leaks.autoconfigure.LeaksTrendAutoConfiguration;
import io.leaks.gc.CollectionGuard;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import io.leaks.trace.RunFacts;
import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trace.TraceRecorder;
import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.GcHistory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySampler;
import io.leaks.trend.SnapshotLiveHistograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live run in this JVM (its real GC notifications, memory, live histograms and clock,
 * the starter's own recorder, watch and analyzer, a real leak under garbage churn),
 * recorded, then replayed: the replay reaches the same verdicts at the same judgements,
 * give or take one interval.
 */
class LiveRunReplayTests {

	private static final Duration RUN = Duration.ofSeconds(70);

	/** Retained by the leak, and garbage, so neither is optimised away. */
	static final List<byte[]> leaked = new ArrayList<>();

	static volatile Object sink;

	@TempDir
	Path directory;

	@Test
	void aRecordedG1RunShouldReplayToTheVerdictsItReached() throws Exception {
		LeaksProperties.Trend trend = new LeaksProperties().getTrend();
		trend.setInterval(Duration.ofSeconds(1));
		trend.setWarmup(Duration.ZERO);
		trend.setMinEvidence(Duration.ofSeconds(15));
		Trace trace = recordLiveRun(trend);
		keep(this.directory.resolve("live.trace.gz"));
		assertThat(trace.meta("collectors", "")).contains("G1 Young Generation");
		assertThat(trace.ticks()).hasSizeGreaterThan(40);
		Replay.Outcome replayed = Replay.run(trace, trend);
		List<Map<String, String>> live = liveStatuses(trace);
		List<Map<String, String>> replay = replayed.timeline().stream().map(Replay.Tick::statuses).toList();
		assertThat(replay).hasSameSizeAs(live);
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < live.size(); i++) {
			for (Map.Entry<String, String> status : replay.get(i).entrySet()) {
				String resource = status.getKey();
				boolean near = false;
				for (int j = Math.max(0, i - 1); j <= Math.min(live.size() - 1, i + 1); j++) {
					near |= status.getValue().equals(live.get(j).get(resource));
				}
				if (!near) {
					mismatches.add("tick " + i + " " + resource + ": live " + live.get(i).get(resource) + ", replay "
							+ status.getValue());
				}
			}
		}
		assertThat(mismatches).as("live verdicts:%n%s%nreplayed:%n%s", describe(trace), describe(replayed)).isEmpty();
		assertThat(trace.verdicts()).as("the heap's verdict changed during the run")
			.filteredOn((verdict) -> verdict.resource().equals("heap"))
			.hasSizeGreaterThan(2);
		if (!trace.histograms().isEmpty()) {
			assertThat(replayed.answers().get(SimulatedHistograms.Source.RECORDED))
				.as("the recorded live histograms answered the replayed ones").isPositive();
		}
	}

	/**
	 * Keeps the recorded trace where {@code LEAKS_KEEP_TRACES} names a directory: a live
	 * run is never the same twice, and a mismatch is read again by replaying its trace.
	 */
	private static void keep(Path trace) throws IOException {
		String directory = System.getenv("LEAKS_KEEP_TRACES");
		if (directory != null && !directory.isBlank()) {
			Files.createDirectories(Path.of(directory));
			Files.copy(trace, Path.of(directory, "live-run-" + System.currentTimeMillis() + ".trace.gz"));
		}
	}

	private Trace recordLiveRun(LeaksProperties.Trend trend) throws Exception {
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		Snapshots snapshots = new Snapshots(
				new DiagnosticCommandHistogramSampler(ManagementFactory.getPlatformMBeanServer()), new SnapshotStore(10),
				new CollectionGuard(Duration.ZERO), Clock.systemUTC());
		GcHistory history = new GcHistory(trend.getHistorySize());
		GcEventRecorder recorder = new GcEventRecorder(history, trend.getHistorySize());
		LeakWatch watch = LeakWatch.builder(LeaksTrendAutoConfiguration.settings(trend), history)
			.memory(new MemorySampler())
			.histograms(new SnapshotLiveHistograms(snapshots))
			.clock(runtime::getUptime, runtime.getStartTime())
			.historySize(trend.getHistorySize())
			.build();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("interval", trend.getInterval().toString());
		Path file = this.directory.resolve("live.trace.gz");
		TraceRecorder trace = TraceRecorder.create(file, Long.MAX_VALUE, RunFacts.ofThisJvm(settings),
				runtime::getUptime);
		recorder.addListener(trace);
		watch.addObserver(trace);
		recorder.start();
		Thread churn = new Thread(LiveRunReplayTests::churn, "garbage");
		churn.setDaemon(true);
		churn.start();
		try {
			long end = System.nanoTime() + RUN.toNanos();
			long interval = trend.getInterval().toMillis();
			while (System.nanoTime() < end) {
				synchronized (leaked) {
					for (int i = 0; i < 16; i++) {
						leaked.add(new byte[64 * 1024]);
					}
				}
				Thread.sleep(interval);
				watch.tick();
			}
		}
		finally {
			churn.interrupt();
			churn.join();
			recorder.close();
			trace.close();
			synchronized (leaked) {
				leaked.clear();
			}
		}
		return TraceReader.read(file);
	}

	/** Request-like garbage, some of it living long enough to be promoted. */
	private static void churn() {
		List<Object> recent = new ArrayList<>();
		while (!Thread.currentThread().isInterrupted()) {
			for (int i = 0; i < 2000; i++) {
				sink = new byte[512];
			}
			recent.add(new byte[16 * 1024]);
			if (recent.size() > 2000) {
				recent.subList(0, 1000).clear();
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private static String describe(Trace trace) {
		StringBuilder text = new StringBuilder();
		for (Trace.Verdict verdict : trace.verdicts()) {
			if (verdict.resource().equals("heap")) {
				text.append(verdict.atMillis()).append(' ').append(verdict.status()).append(' ')
					.append(verdict.reason()).append('\n');
			}
		}
		return text.toString();
	}

	private static String describe(Replay.Outcome replayed) {
		StringBuilder text = new StringBuilder();
		String last = "";
		for (Replay.Tick tick : replayed.timeline()) {
			if (!tick.heapReason().equals(last)) {
				text.append(tick.atMillis()).append(' ').append(tick.heapFinding()).append(' ')
					.append(tick.heapReason()).append('\n');
				last = tick.heapReason();
			}
		}
		return text.toString();
	}

	/** The live run's effective status of each resource at each recorded tick. */
	private static List<Map<String, String>> liveStatuses(Trace trace) {
		List<Map<String, String>> timeline = new ArrayList<>();
		Map<String, String> current = new HashMap<>();
		int next = 0;
		for (long tick : trace.ticks()) {
			while (next < trace.verdicts().size() && trace.verdicts().get(next).atMillis() <= tick) {
				Trace.Verdict verdict = trace.verdicts().get(next++);
				current.put(verdict.resource(), verdict.leak() ? "LEAK_SUSPECTED" : verdict.status());
			}
			timeline.add(new HashMap<>(current));
		}
		return timeline;
	}

}
