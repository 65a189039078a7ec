package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.leaks.autoconfigure.LeaksProperties;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Replays a directory of labelled traces through the production path ({@link Replay}) at
 * the starter's defaults, or the {@code --leaks.trend.*=...} settings given, and scores the
 * verdicts beside three baselines on the same traces:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.replay.TraceReplay ../shared/traces [--leaks.trend.interval=1m ...]
 * </pre>
 * A leak trace counts as detected when the labelled resource enters the leak state before
 * the trace ends; any other trace counts as a false alarm when any resource enters it at
 * any moment. The last line is always {@code replay: detected=D/L false_alarms=F/N}.
 */
public final class TraceReplay {

	private TraceReplay() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 0 || args[0].startsWith("--")) {
			System.err.println("usage: TraceReplay <traces-directory> [--leaks.trend.<setting>=<value> ...]");
			System.exit(2);
		}
		Path directory = Path.of(args[0]);
		if (!Files.isRegularFile(directory.resolve("labels.csv"))) {
			System.err.println(directory + " has no labels.csv");
			System.exit(2);
		}
		LeaksProperties.Trend settings;
		try {
			settings = bind(List.of(args).subList(1, args.length));
		}
		catch (IllegalArgumentException | BindException ex) {
			System.err.println("Bad option: " + rootMessage(ex));
			System.exit(2);
			return;
		}
		// The watch logs every suspicion and verdict as it would in a service: thousands of
		// lines over a library of traces. Only failures are shown, unless asked
		// (-Dleaks.replay.verbose=true, to follow one trace's verdicts).
		Logger.getLogger("io.leaks").setLevel(Boolean.getBoolean("leaks.replay.verbose") ? Level.INFO : Level.SEVERE);
		System.out.printf(Locale.ROOT, "settings: interval=%s warmup=%s min-evidence=%s histograms=%s%n",
				settings.getInterval(), settings.getWarmup(), settings.getMinEvidence(), settings.isHistograms());
		Scores scores = score(TraceLibrary.read(directory), settings, System.out::println);
		System.out.println("baseline python-guide (5 min checks, 3 rising, >50 MiB): " + scores.guide());
		System.out.println("baseline least-squares (10 min window, R2>0.7, full within 24 h): " + scores.leastSquares());
		System.out.println("baseline jmc IncreasingLiveSetRule (score >= 75): " + scores.jmc());
		System.out.println("replay: " + scores.analyzer());
	}

	/**
	 * Replays and scores every trace.
	 * @param traces the traces
	 * @param settings the settings
	 * @param lines where each trace's line goes
	 * @return the scores
	 */
	public static Scores score(List<TraceLibrary.LabelledTrace> traces, LeaksProperties.Trend settings,
			java.util.function.Consumer<String> lines) {
		Score analyzer = new Score();
		Score guide = new Score();
		Score leastSquares = new Score();
		Score jmc = new Score();
		for (TraceLibrary.LabelledTrace trace : traces) {
			Replay.Outcome outcome = Replay.run(trace.trace(), settings);
			long detected = trace.leak() ? outcome.firstLeakMillis(trace.resource()) : outcome.firstAnyLeakMillis();
			long guideAlarm = Baselines.pythonGuide(trace.trace());
			long lsqAlarm = Baselines.leastSquares(trace.trace());
			long jmcAlarm = Baselines.jmcIncreasingLiveSet(trace.trace(), settings.getWarmup().toMillis(),
					settings.getInterval().toMillis());
			analyzer.add(trace, detected >= 0);
			guide.add(trace, guideAlarm >= 0);
			leastSquares.add(trace, lsqAlarm >= 0);
			jmc.add(trace, jmcAlarm >= 0);
			lines.accept(line(trace, outcome, detected) + " guide=" + after(trace, guideAlarm) + " lsq10="
					+ after(trace, lsqAlarm) + " jmc=" + after(trace, jmcAlarm));
		}
		return new Scores(analyzer, guide, leastSquares, jmc);
	}

	static String line(TraceLibrary.LabelledTrace trace, Replay.Outcome outcome, long detected) {
		String status = (detected >= 0) ? "LEAK_SUSPECTED"
				: outcome.last().heap().status().name();
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-34s %-6s %-14s after=%-8s lead=%-5s",
				trace.file(), trace.label(), status, after(trace, detected), lead(trace, detected)));
		line.append(String.format(Locale.ROOT, " forced=%d", outcome.forcedAt().size()));
		int recorded = outcome.answers().get(SimulatedHistograms.Source.RECORDED);
		int floor = outcome.answers().get(SimulatedHistograms.Source.NEXT_WHOLE_HEAP);
		int none = outcome.answers().get(SimulatedHistograms.Source.NONE);
		if (recorded + floor + none > 0) {
			line.append(String.format(Locale.ROOT, " (answered: %d recorded, %d next-floor, %d none)", recorded, floor,
					none));
		}
		return line.toString();
	}

	private static String after(TraceLibrary.LabelledTrace trace, long at) {
		return (at < 0) ? "-" : String.format(Locale.ROOT, "%.0fs", (at - trace.trace().startMillis()) / 1000.0);
	}

	/**
	 * The share of the time from the leak's onset to exhaustion still ahead at detection,
	 * for leaks that reach exhaustion in the trace.
	 */
	static String lead(TraceLibrary.LabelledTrace trace, long detected) {
		if (!trace.leak() || detected < 0 || trace.exhaustionMillis() < 0) {
			return "-";
		}
		double lead = (double) (trace.exhaustionMillis() - detected)
				/ Math.max(1, trace.exhaustionMillis() - trace.onsetMillis());
		return String.format(Locale.ROOT, "%.0f%%", 100 * Math.max(-1, Math.min(1, lead)));
	}

	static LeaksProperties.Trend bind(List<String> options) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String option : options) {
			int equals = option.indexOf('=');
			if (!option.startsWith("--leaks.trend.") || equals < 0) {
				throw new IllegalArgumentException("expected --leaks.trend.<setting>=<value>, got '" + option + "'");
			}
			values.put(option.substring(2, equals), option.substring(equals + 1));
		}
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		LeaksProperties properties = binder
			.bind("leaks", Bindable.of(LeaksProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
			.orElseGet(LeaksProperties::new);
		return properties.getTrend();
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * The four scores of one run.
	 *
	 * @param analyzer the starter's analyzer
	 * @param guide the Python guide's rule
	 * @param leastSquares the least-squares rule
	 * @param jmc JMC's IncreasingLiveSetRule
	 */
	public record Scores(Score analyzer, Score guide, Score leastSquares, Score jmc) {

	}

	/**
	 * Detections on leak traces and false alarms on the others.
	 */
	public static final class Score {

		private int leaks;

		private int detected;

		private int others;

		private int falseAlarms;

		void add(TraceLibrary.LabelledTrace trace, boolean alarmed) {
			if (trace.leak()) {
				this.leaks++;
				this.detected += alarmed ? 1 : 0;
			}
			else {
				this.others++;
				this.falseAlarms += alarmed ? 1 : 0;
			}
		}

		public int detected() {
			return this.detected;
		}

		public int leaks() {
			return this.leaks;
		}

		public int falseAlarms() {
			return this.falseAlarms;
		}

		public int others() {
			return this.others;
		}

		@Override
		public String toString() {
			return "detected=" + this.detected + "/" + this.leaks + " false_alarms=" + this.falseAlarms + "/"
					+ this.others;
		}

	}

}
