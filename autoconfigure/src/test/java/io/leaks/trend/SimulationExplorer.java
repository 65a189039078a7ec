package io.leaks.trend;

import java.time.Duration;

/**
 * Prints, for a few scenarios on the simulated JVM, when the watch first called a leak, when
 * it published the event, when the heap filled, how many collections it forced and how its
 * finding changed: a way to look at a change of the analyzer before writing its test. It is
 * not a test (it asserts nothing; TrendPropertiesTests holds the claims), so it is a program:
 *
 * <pre>
 * mvn -B -ntp -q -pl autoconfigure test-compile org.codehaus.mojo:exec-maven-plugin:3.6.2:java \
 *     -Dexec.mainClass=io.leaks.trend.SimulationExplorer -Dexec.classpathScope=test
 * </pre>
 *
 * ({@code -Dverbose=true} prints every judgement's reason too; {@code -Dpaces=true} prints
 * instead the pace and the time of the simulated listener leak's event, per seed and spacing
 * of young collections, as docs/benchmarks.md's "The listener's measured pace" reports;
 * {@code -Done.spacing=<seconds> -Done.seed=<n>} prints every judgement of one such run, to
 * see why one seed's event came late; {@code -Dimports=true} counts the simulated imports of
 * the fifth soak's batch that published an event, per collector, as the README reports).
 */
final class SimulationExplorer {

	static final long MB = 1024 * 1024;

	private SimulationExplorer() {
	}

	public static void main(String[] args) {
		Long oneSpacing = Long.getLong("one.spacing");
		if (oneSpacing != null) {
			printOneListenerRun(oneSpacing, Long.getLong("one.seed", 1));
			return;
		}
		if (Boolean.getBoolean("imports")) {
			printImports();
			return;
		}
		if (Boolean.getBoolean("paces")) {
			printListenerPaces();
			return;
		}
		long big = 6L * 1024 * MB;
		print("demo cache leak 28MiB/min 6GiB G1", new SimulatedRun(1, SimulatedJvm.Collector.G1, big,
				Scenarios.leak(60 * MB, 28 * MB, 60_000), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(45)));
		print("fresh 12MiB/min 6GiB G1", new SimulatedRun(2, SimulatedJvm.Collector.G1, big,
				Scenarios.leak(40 * MB, 12 * MB, 60_000), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(45)));
		print("bounded cache 40% free over 20min 6GiB", new SimulatedRun(3, SimulatedJvm.Collector.G1, big,
				Scenarios.boundedCache(60 * MB, (long) (0.4 * big), 60_000, 20 * 60_000), SimulatedRun.defaults(),
				(jvm) -> {
				}).run(Duration.ofMinutes(45)));
		print("sawtooth 6GiB", new SimulatedRun(4, SimulatedJvm.Collector.G1, big, Scenarios.flat(200 * MB),
				SimulatedRun.defaults(), (jvm) -> jvm.promotedPerSecond = 20 * MB).run(Duration.ofMinutes(45)));
		print("idle 6GiB", new SimulatedRun(5, SimulatedJvm.Collector.G1, big, Scenarios.flat(50 * MB),
				SimulatedRun.defaults(), (jvm) -> {
					jvm.allocationPerSecond = 0.2 * MB;
					jvm.promotedPerSecond = 0.01 * MB;
				}).run(Duration.ofMinutes(45)));
		print("diurnal 512MiB", new SimulatedRun(6, SimulatedJvm.Collector.G1, 512 * MB,
				Scenarios.diurnal(80 * MB, 80 * MB, 3_600_000), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(120)));
		print("listener 20MiB/min 256MiB test settings", new SimulatedRun(7, SimulatedJvm.Collector.G1, 256 * MB,
				Scenarios.leak(40 * MB, 20 * MB, 30_000), SimulatedRun.testSettings(), (jvm) -> {
				}).run(Duration.ofMinutes(10)));
		print("slow leak 30MiB/h 512MiB parallel", new SimulatedRun(8, SimulatedJvm.Collector.PARALLEL, 512 * MB,
				Scenarios.leak(80 * MB, 0.5 * MB, 0), SimulatedRun.defaults(), (jvm) -> {
				}).run(Duration.ofMinutes(120)));
	}

	static boolean verbose = Boolean.getBoolean("verbose");

	/**
	 * The listener leak of TrendPropertiesTests (20 MiB a minute from 10 s, 256 MiB G1, test
	 * settings): "pace@seconds" of each seed's event after the leak's start, -1 for none.
	 */
	/**
	 * One run of the simulated listener leak (45 MiB live, 20 MiB a minute from 10 s on a
	 * 256 MiB heap at the test settings), printing every live histogram, the finding, evidence
	 * and reason of every judgement, and the event's time (ms since start).
	 */
	private static void printOneListenerRun(long spacingSeconds, long seed) {
		SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
				Scenarios.leak(45 * MB, 20 * MB, 10_000), SimulatedRun.testSettings(),
				TrendPropertiesTests.sparse(spacingSeconds * 1000));
		run.watch.addObserver(new WatchObserver() {
			@Override
			public void histogramTaken(long atMillis, String purpose, io.leaks.histogram.ClassHistogram histogram,
					long durationMillis) {
				System.out.println(atMillis / 1000.0 + "s live histogram (" + purpose + "): "
						+ histogram.totalBytes() / MB + " MiB");
			}
		});
		run.run(Duration.ofMinutes(4), (judged) -> {
			Verdict verdict = judged.watch.report().heap().verdict();
			Evidence evidence = verdict.evidence();
			System.out.println(judged.jvm.now() / 1000 + "s " + verdict.finding() + " " + evidence.basis() + " "
					+ evidence.fromMillis() / 1000.0 + ".." + evidence.toMillis() / 1000.0 + "s, " + evidence.points()
					+ " points: " + verdict.reason());
		});
		System.out.println("event " + run.firstEventAt);
	}

	/**
	 * The import of the fifth soak's batch on the default-sized heap (35% of 6 GiB loaded
	 * over 3 minutes, held 2, released; onsets at 8 to 12 minutes, 12 seeds, 0.5 MiB/s of
	 * promoted garbage) on every simulated collector: the runs that published an event, and
	 * the first leak's finding, grounds and evidence.
	 */
	private static void printImports() {
		for (SimulatedJvm.Collector collector : SimulatedJvm.Collector.values()) {
			int published = 0;
			int runs = 0;
			for (long onsetMinutes = 8; onsetMinutes <= 12; onsetMinutes++) {
				for (long seed = 1; seed <= 12; seed++) {
					runs++;
					SimulatedRun run = SimulatedRun.importOnTheDefaultHeap(seed, collector, onsetMinutes * 60_000);
					Verdict[] first = new Verdict[1];
					run.run(Duration.ofMinutes(45), (judged) -> {
						Verdict verdict = judged.watch.report().heap().verdict();
						if (first[0] == null && verdict.finding().leak()) {
							first[0] = verdict;
						}
					});
					if (run.events.stream().anyMatch(LeakSuspectedEvent.class::isInstance)) {
						published++;
						if (verbose && first[0] != null) {
							Evidence evidence = first[0].evidence();
							System.out.println(collector + " onset " + onsetMinutes + " min seed " + seed + ": event at "
									+ run.firstEventAt / 1000 + " s, " + first[0].finding() + " " + first[0].grounds() + " "
									+ evidence.basis() + " " + evidence.fromMillis() / 1000 + ".." + evidence.toMillis() / 1000
									+ " s: " + first[0].reason());
						}
					}
				}
			}
			System.out.println(collector + ": " + published + " of " + runs + " imports published an event");
		}
	}

	private static void printListenerPaces() {
		long onset = 10_000;
		for (long spacing : new long[] { 10_000, 20_000, 25_000, 30_000, 40_000, 45_000, 50_000 }) {
			StringBuilder line = new StringBuilder("young collections every " + spacing / 1000 + " s:");
			for (long seed = 1; seed <= 20; seed++) {
				SimulatedRun run = new SimulatedRun(seed, SimulatedJvm.Collector.G1, 256 * MB,
						Scenarios.leak(45 * MB, 20 * MB, onset), SimulatedRun.testSettings(),
						TrendPropertiesTests.sparse(spacing))
					.run(Duration.ofMinutes(6));
				double pace = run.events.stream()
					.filter(LeakSuspectedEvent.class::isInstance)
					.map(LeakSuspectedEvent.class::cast)
					.findFirst()
					.map((event) -> event.getGrowthPerMinute() / MB)
					.orElse(-1.0);
				line.append(String.format(java.util.Locale.ROOT, " %.1f@%d", pace,
						(run.firstEventAt < 0) ? -1 : (run.firstEventAt - onset) / 1000));
			}
			System.out.println(line);
		}
	}

	private static void print(String name, SimulatedRun run) {
		if (verbose) {
			System.out.println("== " + name);
			run.reasons.forEach(System.out::println);
		}
		System.out.printf("%-45s leak=%s event=%s exhausted=%s forced=%d findings=%s%n", name,
				run.firstLeak.isEmpty() ? "-" : run.firstLeak, run.firstEventAt / 1000, run.exhaustedAt / 1000,
				run.forced(), compress(run));
	}

	private static String compress(SimulatedRun run) {
		StringBuilder out = new StringBuilder();
		Finding last = null;
		for (int i = 0; i < run.heapFindings.size(); i++) {
			Finding finding = run.heapFindings.get(i);
			if (finding != last) {
				out.append(" ").append(i * run.watch.settings().interval().toSeconds()).append("s:").append(finding);
				last = finding;
			}
		}
		return out.toString();
	}

}
