package io.leaks.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leaks.autoconfigure.LeaksProperties;
import io.leaks.trend.GcHistory;
import io.leaks.trend.HeapAfterGc;
import io.leaks.trend.TrendAnalyzer;
import io.leaks.trend.Verdict;
import io.leaks.trend.WatchSettings;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Replays labelled GC traces through the trend analyzer the starter runs, with the
 * starter's defaults unless {@code --leaks.trend.*=...} options say otherwise, and scores
 * it and two simple baselines on them:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.TraceReplay ../shared/traces [--leaks.trend.warmup=1m ...]
 * </pre>
 * Each trace is fed collection by collection into the same {@link GcHistory} the GC
 * notification recorder fills, and judged every {@code leaks.trend.interval} of the
 * trace's own time, as the starter's scheduler would (a judgement with no new collection
 * since the last one would repeat it, so it is skipped). A trace has no {@code -Xmx}, so its
 * largest reported capacity stands in for the max heap. Young-collection suspicions,
 * which the starter confirms with live histograms, cannot be confirmed from a log: they
 * are shown, not counted.
 */
public final class TraceReplay {

	private TraceReplay() {
	}

	public static void main(String[] args) {
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
		List<GcTrace> traces = GcTrace.readAll(directory);
		System.out.printf(Locale.ROOT, "settings: interval=%s warmup=%s min-evidence=%s%n", settings.getInterval(),
				settings.getWarmup(), settings.getMinEvidence());
		Score analyzer = new Score();
		Score guide = new Score();
		Score leastSquares = new Score();
		for (GcTrace trace : traces) {
			Outcome outcome = replay(trace, settings);
			long guideAlarm = BaselineRules.pythonGuide(trace);
			long lsqAlarm = BaselineRules.leastSquares(trace);
			analyzer.add(trace, outcome.firstLeakMillis() >= 0);
			guide.add(trace, guideAlarm >= 0);
			leastSquares.add(trace, lsqAlarm >= 0);
			System.out.println(outcome.line(trace) + " guide=" + seconds(guideAlarm) + " lsq10=" + seconds(lsqAlarm));
		}
		System.out.println("baseline python-guide (5 min checks, 3 rising, >50 MiB): " + guide);
		System.out.println("baseline least-squares (10 min window, R2>0.7, full within 24 h): " + leastSquares);
		System.out.println("replay: " + analyzer);
	}

	/**
	 * Feeds one trace through the analyzer, judging at every interval of trace time.
	 */
	static Outcome replay(GcTrace trace, LeaksProperties.Trend settings) {
		TrendAnalyzer analyzer = new TrendAnalyzer(
				WatchSettings.derive(settings.getInterval(), settings.getWarmup(), settings.getMinEvidence()).analysis());
		GcHistory history = new GcHistory(settings.getHistorySize());
		long maxHeap = trace.largestCapacity();
		long interval = settings.getInterval().toMillis();
		long nextJudgement = (trace.startMillis() / interval + 1) * interval;
		Verdict last = null;
		Verdict firstLeak = null;
		Verdict firstSuspicion = null;
		int suspicions = 0;
		boolean suspected = false;
		boolean changed = false;
		for (HeapAfterGc collection : trace.collections()) {
			while (nextJudgement < collection.atMillis()) {
				if (changed) {
					last = analyzer.judgeHeap(history.snapshot(), maxHeap, nextJudgement);
					changed = false;
				}
				if (last.leak() && firstLeak == null) {
					firstLeak = last;
				}
				if (last.suspicion() && firstSuspicion == null) {
					firstSuspicion = last;
				}
				suspicions += (last.suspicion() && !suspected) ? 1 : 0;
				suspected = last.suspicion();
				nextJudgement += interval;
			}
			history.record(collection);
			changed = true;
		}
		return new Outcome(last, firstLeak, firstSuspicion, suspicions);
	}

	private static LeaksProperties.Trend bind(List<String> options) {
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

	static String seconds(long millis) {
		return (millis < 0) ? "-" : String.format(Locale.ROOT, "%.0fs", millis / 1000.0);
	}

	/**
	 * What the analyzer said about one trace.
	 *
	 * @param last the last verdict
	 * @param firstLeak the first leak verdict, if any
	 * @param firstSuspicion the first young-collection suspicion, if any
	 * @param suspicions how many times a young-collection suspicion began (each would cost
	 * the running starter one round of live histograms, unless its cool-down holds it back)
	 */
	record Outcome(Verdict last, Verdict firstLeak, Verdict firstSuspicion, int suspicions) {

		long firstLeakMillis() {
			return (this.firstLeak != null) ? this.firstLeak.atMillis() : -1;
		}

		String line(GcTrace trace) {
			Verdict shown = (this.firstLeak != null) ? this.firstLeak : this.last;
			String status = (shown != null) ? shown.status().name() : "COLLECTING";
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-6s %-14s", trace.file(),
					trace.label(), status));
			if (this.firstLeak != null) {
				long after = this.firstLeak.atMillis() - trace.startMillis();
				long beforeEnd = trace.endMillis() - this.firstLeak.atMillis();
				line.append(String.format(Locale.ROOT, " after=%s before_end=%s basis=%s", seconds(after),
						seconds(beforeEnd), this.firstLeak.evidence().basis()));
			}
			else {
				line.append(" after=- ");
			}
			if (this.firstSuspicion != null) {
				line.append(" suspicions=").append(this.suspicions).append(" first_after=")
					.append(seconds(this.firstSuspicion.atMillis() - trace.startMillis()));
			}
			return line.toString();
		}

	}

	/**
	 * Detections on leak traces and false alarms on the others.
	 */
	static final class Score {

		private int leaks;

		private int detected;

		private int others;

		private int falseAlarms;

		void add(GcTrace trace, boolean alarmed) {
			if (trace.leak()) {
				this.leaks++;
				this.detected += alarmed ? 1 : 0;
			}
			else {
				this.others++;
				this.falseAlarms += alarmed ? 1 : 0;
			}
		}

		@Override
		public String toString() {
			return "detected=" + this.detected + "/" + this.leaks + " false_alarms=" + this.falseAlarms + "/"
					+ this.others;
		}

	}

}
