package io.leaks.workloads.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.trend.GcNotification;
import io.leaks.workloads.library.TraceFacts;

/**
 * Summarises a soak ({@code workloads/soak.sh}): per service, the first LeakSuspectedEvent
 * (seconds after its load started), the lead, its final status and suspects, the
 * collections forced (from its GC log, and as its trace saw them), whether it ran out of
 * memory, and whether that is what issue 9 asks for.
 * <pre>
 * SoakSummary &lt;soak directory&gt;
 * </pre>
 */
public final class SoakSummary {

	private SoakSummary() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: SoakSummary <soak directory>");
			System.exit(2);
		}
		List<SoakResult> results = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of(args[0]))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".soak")).sorted().toList()) {
				SoakRun run = SoakRun.read(file);
				if (!Files.isRegularFile(run.trace())) {
					System.err.println("SoakSummary: " + run.name() + " has no trace " + run.trace());
					continue;
				}
				results.add(measure(run, TraceReader.read(run.trace())));
			}
		}
		print(results, System.out);
	}

	/**
	 * Measures one service.
	 * @param run what it ran
	 * @param trace its trace
	 * @return what it did
	 * @throws IOException if its GC log or output cannot be read
	 */
	static SoakResult measure(SoakRun run, Trace trace) throws IOException {
		TraceFacts facts = TraceFacts.of(trace);
		long start = start(run, trace, facts);
		long leakStart = (facts.leakStartMillis() >= 0) ? facts.leakStartMillis() : start;
		long exhausted = facts.exhaustedMillis();
		Trace.Event first = null;
		for (Trace.Event event : trace.events()) {
			if (event.type().equals("LeakSuspected") && event.atMillis() >= start) {
				first = event;
				break;
			}
		}
		Map<String, String> last = new LinkedHashMap<>();
		for (Trace.Verdict verdict : trace.verdicts()) {
			last.put(verdict.resource(), verdict.status());
		}
		Double lead = null;
		if (first != null && exhausted > leakStart) {
			lead = Math.max(0, (exhausted - first.atMillis()) / (double) (exhausted - leakStart));
		}
		int forcedInTrace = (int) trace.collections().stream().filter(GcNotification::forced).count();
		int forcedFromLog = Files.isRegularFile(run.gcLog()) ? ForcedCollections.count(run.gcLog()) : -1;
		boolean outOfMemory = exhausted >= 0 || (Files.isRegularFile(run.log()) && mentions(run.log(), "OutOfMemoryError"));
		String status = String.join(" ", last.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList());
		return new SoakResult(run, (trace.endMillis() - start) / 1000, (first != null) ? (first.atMillis() - start) / 1000 : -1,
				(first != null) ? first.resource() : "", (first != null) ? first.suspects() : List.of(), lead, status,
				forcedFromLog, forcedInTrace, outOfMemory);
	}

	/**
	 * When the service's load started, in the trace's time: the driver's start for a demo,
	 * the {@code start} mark for a workload.
	 */
	private static long start(SoakRun run, Trace trace, TraceFacts facts) {
		if (run.startedEpochMillis() >= 0) {
			long jvmStart = Long.parseLong(trace.meta("start.epochMillis", "0"));
			return run.startedEpochMillis() - jvmStart;
		}
		return facts.startMillis();
	}

	private static boolean mentions(Path log, String text) throws IOException {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.anyMatch((line) -> line.contains(text));
		}
		catch (java.io.UncheckedIOException ex) {
			return false;
		}
	}

	static void print(List<SoakResult> results, PrintStream out) {
		out.printf(Locale.ROOT, "%-26s %-6s %-24s %9s %8s %6s %6s %-10s %-4s %s%n", "service", "expect", "ran",
				"watched_s", "event_s", "lead", "forced", "outcome", "oom", "final status; first event's suspects");
		int ok = 0;
		for (SoakResult result : results) {
			SoakRun run = result.run();
			String forced = (result.forcedFromLog() < 0) ? "?/" + result.forcedInTrace()
					: result.forcedFromLog() + "/" + result.forcedInTrace();
			out.printf(Locale.ROOT, "%-26s %-6s %-24s %9d %8s %6s %6s %-10s %-4s %s; %s%n", run.name(),
					run.expectLeak() ? "leak" : "none", run.what(), result.watchedSeconds(),
					(result.firstEventSeconds() >= 0) ? String.valueOf(result.firstEventSeconds()) : "-",
					(result.lead() != null) ? String.format(Locale.ROOT, "%.0f%%", result.lead() * 100) : "-", forced,
					result.outcome(), result.outOfMemory() ? "yes" : "no", result.finalStatus(),
					suspects(result));
			ok += result.outcome().equals("ok") ? 1 : 0;
		}
		out.printf(Locale.ROOT, "soak: ok=%d/%d (leaks named within %d s, no event on the others, at most %d forced "
				+ "collections each; forced = GC log/trace)%n", ok, results.size(), SoakResult.NAMED_WITHIN_SECONDS,
				SoakResult.FORCED_BUDGET);
	}

	private static String suspects(SoakResult result) {
		if (result.firstEventSeconds() < 0) {
			return "no event";
		}
		List<String> names = result.firstEventSuspects().stream().limit(3).toList();
		return result.firstEventResource() + " " + (names.isEmpty() ? "(no suspects)" : String.join(", ", names));
	}

}
