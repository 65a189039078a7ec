package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.leaks.autoconfigure.LeaksProperties;

/**
 * Replays one trace of a labelled directory and prints how the heap's verdict changed:
 * each new finding with its time and sentence, the events and the forced collections.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.replay.TraceInspect ../shared/traces tk_g1_rotating.csv [--leaks.trend.*=...]
 * </pre>
 */
public final class TraceInspect {

	private TraceInspect() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: TraceInspect <traces-directory> <file> [--leaks.trend.<setting>=<value> ...]");
			System.exit(2);
		}
		Logger.getLogger("io.leaks").setLevel(Level.SEVERE);
		LeaksProperties.Trend settings = TraceReplay.bind(List.of(args).subList(2, args.length));
		for (TraceLibrary.LabelledTrace trace : TraceLibrary.read(Path.of(args[0]))) {
			if (!trace.file().equals(args[1])) {
				continue;
			}
			Replay.Outcome outcome = Replay.run(trace.trace(), settings);
			long start = trace.trace().startMillis();
			String last = "";
			for (Replay.Tick tick : outcome.timeline()) {
				String state = tick.heapFinding() + " " + tick.statuses();
				if (!state.equals(last)) {
					System.out.printf(Locale.ROOT, "%8.0fs %-22s %s%n", (tick.atMillis() - start) / 1000.0,
							tick.heapFinding(), tick.heapReason());
					last = state;
				}
			}
			for (Replay.Event event : outcome.events()) {
				System.out.printf(Locale.ROOT, "%8.0fs event %s %s %s%n", (event.atMillis() - start) / 1000.0,
						event.type(), event.resource(), event.suspects());
			}
			System.out.println("forced collections at " + outcome.forcedAt().stream()
				.map((at) -> String.format(Locale.ROOT, "%.0fs", (at - start) / 1000.0))
				.toList());
			return;
		}
		System.err.println(args[1] + " is not in " + args[0] + "/labels.csv");
		System.exit(2);
	}

}
