package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leaks.trend.GcHistory;
import io.leaks.trend.TrendSettings;
import io.leaks.trend.WatchSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the leaks starter, under {@code leaks.*}. Access to the endpoint and
 * its exposure stay Spring Boot's own: {@code management.endpoint.leaks.access} and
 * {@code management.endpoints.web.exposure.include}.
 */
@ConfigurationProperties("leaks")
public class LeaksProperties {

	/**
	 * Whether the leaks starter is active at all.
	 */
	private boolean enabled = true;

	private final Snapshots snapshots = new Snapshots();

	private final Gc gc = new Gc();

	private final HeapDump heapDump = new HeapDump();

	private final Trend trend = new Trend();

	private final Dashboard dashboard = new Dashboard();

	private final Analysis analysis = new Analysis();

	private final Allocations allocations = new Allocations();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Snapshots getSnapshots() {
		return this.snapshots;
	}

	public Gc getGc() {
		return this.gc;
	}

	public HeapDump getHeapDump() {
		return this.heapDump;
	}

	public Trend getTrend() {
		return this.trend;
	}

	public Dashboard getDashboard() {
		return this.dashboard;
	}

	public Analysis getAnalysis() {
		return this.analysis;
	}

	public Allocations getAllocations() {
		return this.allocations;
	}

	/**
	 * Labelled class-histogram snapshots.
	 */
	public static class Snapshots {

		/**
		 * Most snapshots kept; taking one more evicts the oldest (the response names it).
		 */
		private int maxCount = 10;

		public int getMaxCount() {
			return this.maxCount;
		}

		public void setMaxCount(int maxCount) {
			if (maxCount < 1 || maxCount > 1000) {
				throw new IllegalArgumentException("leaks.snapshots.max-count must be from 1 to 1000, was " + maxCount);
			}
			this.maxCount = maxCount;
		}

	}

	/**
	 * Forced collections (explicit GC, live snapshots and live heap dumps).
	 */
	public static class Gc {

		/**
		 * How long a GC, snapshot or heap dump waits for another one to finish before it is
		 * refused with 429; zero refuses at once.
		 */
		private Duration busyWait = Duration.ZERO;

		public Duration getBusyWait() {
			return this.busyWait;
		}

		public void setBusyWait(Duration busyWait) {
			if (busyWait.isNegative()) {
				throw new IllegalArgumentException("leaks.gc.busy-wait must not be negative, was " + busyWait);
			}
			this.busyWait = busyWait;
		}

	}

	/**
	 * Heap dumps through the endpoint. A dump holds every secret in the heap (passwords,
	 * tokens, personal data): keep the directory private and download off unless needed.
	 */
	public static class HeapDump {

		/**
		 * Directory heap dumps are written to; created owner-only (0700) if missing.
		 * Defaults to one directory per application,
		 * ${java.io.tmpdir}/leaks-heapdumps/${spring.application.name} ("application" when
		 * the name is not set).
		 */
		private @Nullable Path directory;

		/**
		 * Whether dumps can be downloaded through the endpoint (also needs unrestricted
		 * access).
		 */
		private boolean download;

		/**
		 * Most dumps kept; writing one more deletes the oldest.
		 */
		private int maxCount = 5;

		/**
		 * Most disk space all dumps together may use; the oldest are deleted beyond it (never
		 * the one just written).
		 */
		private DataSize maxTotalSize = DataSize.ofGigabytes(4);

		/**
		 * Whether to gzip each dump after writing it (smaller files, more CPU time).
		 */
		private boolean compress;

		/**
		 * Whether to write a live heap dump automatically when the trend analyzer first
		 * suspects a leak.
		 */
		private boolean onSuspicion;

		/**
		 * Shortest time between two automatic dumps.
		 */
		private Duration minInterval = Duration.ofHours(1);

		/**
		 * Disk space that must stay free after the expected dump (roughly the heap in use);
		 * a dump that would leave less is refused.
		 */
		private DataSize freeSpaceMargin = DataSize.ofGigabytes(1);

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public boolean isDownload() {
			return this.download;
		}

		public void setDownload(boolean download) {
			this.download = download;
		}

		public int getMaxCount() {
			return this.maxCount;
		}

		public void setMaxCount(int maxCount) {
			if (maxCount < 1 || maxCount > 1000) {
				throw new IllegalArgumentException("leaks.heap-dump.max-count must be from 1 to 1000, was " + maxCount);
			}
			this.maxCount = maxCount;
		}

		public DataSize getMaxTotalSize() {
			return this.maxTotalSize;
		}

		public void setMaxTotalSize(DataSize maxTotalSize) {
			if (maxTotalSize.isNegative()) {
				throw new IllegalArgumentException("leaks.heap-dump.max-total-size must not be negative, was "
						+ maxTotalSize);
			}
			this.maxTotalSize = maxTotalSize;
		}

		public boolean isCompress() {
			return this.compress;
		}

		public void setCompress(boolean compress) {
			this.compress = compress;
		}

		public boolean isOnSuspicion() {
			return this.onSuspicion;
		}

		public void setOnSuspicion(boolean onSuspicion) {
			this.onSuspicion = onSuspicion;
		}

		public Duration getMinInterval() {
			return this.minInterval;
		}

		public void setMinInterval(Duration minInterval) {
			if (minInterval.isNegative()) {
				throw new IllegalArgumentException("leaks.heap-dump.min-interval must not be negative, was "
						+ minInterval);
			}
			this.minInterval = minInterval;
		}

		public DataSize getFreeSpaceMargin() {
			return this.freeSpaceMargin;
		}

		public void setFreeSpaceMargin(DataSize freeSpaceMargin) {
			if (freeSpaceMargin.isNegative()) {
				throw new IllegalArgumentException("leaks.heap-dump.free-space-margin must not be negative, was "
						+ freeSpaceMargin);
			}
			this.freeSpaceMargin = freeSpaceMargin;
		}

	}

	/**
	 * Trend analysis: watching memory after collections and calling leaks. Settings left
	 * unset derive from {@code interval}, {@code warmup} and {@code min-evidence}.
	 */
	public static class Trend {

		/**
		 * Whether to watch heap, metaspace, threads, direct and mapped buffers and resident
		 * memory for leaks.
		 */
		private boolean enabled = true;

		/**
		 * How often memory is sampled and judged.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * Time after the JVM starts whose observations are ignored (start-up, caches filling).
		 */
		private Duration warmup = TrendSettings.DEFAULT_WARMUP;

		/**
		 * Shortest span of evidence before a leak verdict.
		 */
		private Duration minEvidence = TrendSettings.DEFAULT_MIN_EVIDENCE;

		/**
		 * Share of a long-lived pool's maximum still in use after a collection that logs a
		 * warning (the JVM's collection-usage threshold); 0 turns the warning off.
		 */
		private double warnThreshold = 0.9;

		/**
		 * Whether a suspected leak may take live class histograms, each of which forces a
		 * full collection, to confirm it and name the suspects.
		 */
		private boolean histograms = true;

		/**
		 * Live histograms taken per suspicion (at least 3: suspects must grow in every step).
		 */
		private int histogramCount = 3;

		/**
		 * Time between those histograms; by default spaced so that the climb's expected
		 * growth stands out of the live floor's noise (one interval to two min-evidence spans).
		 */
		private @Nullable Duration histogramSpacing;

		/**
		 * Shortest time between two rounds of histograms (doubled after each refuted
		 * suspicion); defaults to 30 intervals (15m at the default interval).
		 */
		private @Nullable Duration histogramCooldown;

		/**
		 * Most full collections the trend analysis may force on its own for live histograms
		 * per forced-collection-budget-period; automatic live heap dumps, and once per period
		 * the round naming a called leak's suspects, count against it but are never refused
		 * for it (nor for the cool-down).
		 */
		private int forcedCollectionBudget = WatchSettings.DEFAULT_BUDGET;

		/**
		 * Period of the forced-collection budget.
		 */
		private Duration forcedCollectionBudgetPeriod = WatchSettings.DEFAULT_BUDGET_PERIOD;

		public int getForcedCollectionBudget() {
			return this.forcedCollectionBudget;
		}

		public void setForcedCollectionBudget(int forcedCollectionBudget) {
			if (forcedCollectionBudget < 0 || forcedCollectionBudget > 1000) {
				throw new IllegalArgumentException(
						"leaks.trend.forced-collection-budget must be from 0 to 1000, was " + forcedCollectionBudget);
			}
			this.forcedCollectionBudget = forcedCollectionBudget;
		}

		public Duration getForcedCollectionBudgetPeriod() {
			return this.forcedCollectionBudgetPeriod;
		}

		public void setForcedCollectionBudgetPeriod(Duration forcedCollectionBudgetPeriod) {
			if (forcedCollectionBudgetPeriod.toMinutes() < 1) {
				throw new IllegalArgumentException("leaks.trend.forced-collection-budget-period must be at least 1m, was "
						+ forcedCollectionBudgetPeriod);
			}
			this.forcedCollectionBudgetPeriod = forcedCollectionBudgetPeriod;
		}

		/**
		 * Observations kept per series (older ones are thinned, not dropped).
		 */
		private int historySize = GcHistory.DEFAULT_CAPACITY;

		/**
		 * Whether the leaks health contributor reports DOWN while a leak of any resource is suspected
		 * (off: a liveness restart would destroy the evidence).
		 */
		private boolean downOnLeak;

		/**
		 * File or directory to record what the trend analysis sees into (collections,
		 * samples, histograms, verdicts), for replay; a directory gets a new file per run.
		 */
		private @Nullable Path recordTo;

		/**
		 * Compressed size after which a recording ends.
		 */
		private DataSize recordMaxSize = DataSize.ofMegabytes(64);

		public @Nullable Path getRecordTo() {
			return this.recordTo;
		}

		public void setRecordTo(@Nullable Path recordTo) {
			this.recordTo = recordTo;
		}

		public DataSize getRecordMaxSize() {
			return this.recordMaxSize;
		}

		public void setRecordMaxSize(DataSize recordMaxSize) {
			if (recordMaxSize.toBytes() < 1024) {
				throw new IllegalArgumentException("leaks.trend.record-max-size must be at least 1KB, was " + recordMaxSize);
			}
			this.recordMaxSize = recordMaxSize;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			if (interval.toMillis() < 100) {
				throw new IllegalArgumentException("leaks.trend.interval must be at least 100ms, was " + interval);
			}
			this.interval = interval;
		}

		public Duration getWarmup() {
			return this.warmup;
		}

		public void setWarmup(Duration warmup) {
			if (warmup.isNegative()) {
				throw new IllegalArgumentException("leaks.trend.warmup must not be negative, was " + warmup);
			}
			this.warmup = warmup;
		}

		public Duration getMinEvidence() {
			return this.minEvidence;
		}

		public void setMinEvidence(Duration minEvidence) {
			if (minEvidence.isNegative() || minEvidence.isZero()) {
				throw new IllegalArgumentException("leaks.trend.min-evidence must be positive, was " + minEvidence);
			}
			this.minEvidence = minEvidence;
		}

		public double getWarnThreshold() {
			return this.warnThreshold;
		}

		public void setWarnThreshold(double warnThreshold) {
			if (!(warnThreshold >= 0 && warnThreshold < 1)) {
				throw new IllegalArgumentException(
						"leaks.trend.warn-threshold must be from 0 (off) to below 1, was " + warnThreshold);
			}
			this.warnThreshold = warnThreshold;
		}

		public boolean isHistograms() {
			return this.histograms;
		}

		public void setHistograms(boolean histograms) {
			this.histograms = histograms;
		}

		public int getHistogramCount() {
			return this.histogramCount;
		}

		public void setHistogramCount(int histogramCount) {
			if (histogramCount < 3 || histogramCount > 10) {
				throw new IllegalArgumentException(
						"leaks.trend.histogram-count must be from 3 to 10, was " + histogramCount);
			}
			this.histogramCount = histogramCount;
		}

		public @Nullable Duration getHistogramSpacing() {
			return this.histogramSpacing;
		}

		public void setHistogramSpacing(@Nullable Duration histogramSpacing) {
			if (histogramSpacing != null && histogramSpacing.toMillis() < 100) {
				throw new IllegalArgumentException(
						"leaks.trend.histogram-spacing must be at least 100ms, was " + histogramSpacing);
			}
			this.histogramSpacing = histogramSpacing;
		}

		public @Nullable Duration getHistogramCooldown() {
			return this.histogramCooldown;
		}

		public void setHistogramCooldown(@Nullable Duration histogramCooldown) {
			if (histogramCooldown != null && histogramCooldown.isNegative()) {
				throw new IllegalArgumentException(
						"leaks.trend.histogram-cooldown must not be negative, was " + histogramCooldown);
			}
			this.histogramCooldown = histogramCooldown;
		}

		public int getHistorySize() {
			return this.historySize;
		}

		public void setHistorySize(int historySize) {
			if (historySize < 64 || historySize > 100_000) {
				throw new IllegalArgumentException(
						"leaks.trend.history-size must be from 64 to 100000, was " + historySize);
			}
			this.historySize = historySize;
		}

		public boolean isDownOnLeak() {
			return this.downOnLeak;
		}

		public void setDownOnLeak(boolean downOnLeak) {
			this.downOnLeak = downOnLeak;
		}

	}

	/**
	 * The dashboard page (servlet web applications with Thymeleaf, when the leaks endpoint
	 * is exposed over HTTP).
	 */
	public static class Dashboard {

		/**
		 * Whether to serve the dashboard page.
		 */
		private boolean enabled = true;

		/**
		 * Path of the dashboard page.
		 */
		private String path = "/leaks";

		/**
		 * How often the open page asks the endpoint for fresh figures.
		 */
		private Duration pollInterval = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			if (!path.matches("/[A-Za-z0-9._~/-]*") || path.contains("//") || (path.length() > 1 && path.endsWith("/"))) {
				throw new IllegalArgumentException("leaks.dashboard.path must start with '/', not end with '/' and "
						+ "use only letters, digits and . _ ~ - /, was '" + path + "'");
			}
			this.path = path;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			if (pollInterval.compareTo(Duration.ofMillis(500)) < 0 || pollInterval.compareTo(Duration.ofHours(1)) > 0) {
				throw new IllegalArgumentException(
						"leaks.dashboard.poll-interval must be from 500ms to 1h, was " + pollInterval);
			}
			this.pollInterval = pollInterval;
		}

	}

	/**
	 * Heap dump analysis (who holds the suspects), run in a JVM of its own so that the
	 * application's heap never holds any of the dump.
	 */
	public static class Analysis {

		/**
		 * Whether heap dumps can be analysed through the endpoint.
		 */
		private boolean enabled = true;

		/**
		 * Directory analyses are kept in; defaults to "analyses" inside the heap dump
		 * directory. Created owner-only (0700).
		 */
		private @Nullable Path directory;

		/**
		 * Heap of the analyzer's JVM, whatever the dump's size.
		 */
		private DataSize maxHeap = DataSize.ofMegabytes(256);

		/**
		 * Longest an analysis may take before its JVM is stopped.
		 */
		private Duration timeLimit = Duration.ofMinutes(10);

		/**
		 * Most disk space the analyzer's index may use; defaults to twice the size of the
		 * dump analysed.
		 */
		private @Nullable DataSize maxIndexSize;

		/**
		 * How much the analyzer's CPU priority is lowered (nice -n, 0 to 19; 0 leaves it).
		 */
		private int niceness = 10;

		/**
		 * Most finished analyses kept; the oldest are deleted beyond it.
		 */
		private int maxCount = 20;

		/**
		 * Most path groups reported per class.
		 */
		private int maxPaths = 5;

		/**
		 * Whether to analyse the dump taken on a suspected leak for the suspects (needs
		 * leaks.heap-dump.on-suspicion=true).
		 */
		private boolean onSuspicion;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public DataSize getMaxHeap() {
			return this.maxHeap;
		}

		public void setMaxHeap(DataSize maxHeap) {
			if (maxHeap.toMegabytes() < 32) {
				throw new IllegalArgumentException("leaks.analysis.max-heap must be at least 32MB, was " + maxHeap);
			}
			this.maxHeap = maxHeap;
		}

		public Duration getTimeLimit() {
			return this.timeLimit;
		}

		public void setTimeLimit(Duration timeLimit) {
			if (timeLimit.toMillis() < 1000) {
				throw new IllegalArgumentException("leaks.analysis.time-limit must be at least 1s, was " + timeLimit);
			}
			this.timeLimit = timeLimit;
		}

		public @Nullable DataSize getMaxIndexSize() {
			return this.maxIndexSize;
		}

		public void setMaxIndexSize(@Nullable DataSize maxIndexSize) {
			if (maxIndexSize != null && maxIndexSize.toMegabytes() < 1) {
				throw new IllegalArgumentException("leaks.analysis.max-index-size must be at least 1MB, was "
						+ maxIndexSize);
			}
			this.maxIndexSize = maxIndexSize;
		}

		public int getNiceness() {
			return this.niceness;
		}

		public void setNiceness(int niceness) {
			if (niceness < 0 || niceness > 19) {
				throw new IllegalArgumentException("leaks.analysis.niceness must be from 0 to 19, was " + niceness);
			}
			this.niceness = niceness;
		}

		public int getMaxCount() {
			return this.maxCount;
		}

		public void setMaxCount(int maxCount) {
			if (maxCount < 1 || maxCount > 1000) {
				throw new IllegalArgumentException("leaks.analysis.max-count must be from 1 to 1000, was " + maxCount);
			}
			this.maxCount = maxCount;
		}

		public int getMaxPaths() {
			return this.maxPaths;
		}

		public void setMaxPaths(int maxPaths) {
			if (maxPaths < 1 || maxPaths > 100) {
				throw new IllegalArgumentException("leaks.analysis.max-paths must be from 1 to 100, was " + maxPaths);
			}
			this.maxPaths = maxPaths;
		}

		public boolean isOnSuspicion() {
			return this.onSuspicion;
		}

		public void setOnSuspicion(boolean onSuspicion) {
			this.onSuspicion = onSuspicion;
		}

	}

	/**
	 * Allocation recordings: short in-process JFR recordings of sampled allocations and
	 * old objects.
	 */
	public static class Allocations {

		/**
		 * Whether allocation recordings are on; off, /actuator/leaks/allocations answers 503.
		 */
		private boolean enabled = true;

		/**
		 * How long a recording runs when the request names no duration.
		 */
		private Duration defaultDuration = Duration.ofSeconds(60);

		/**
		 * Longest recording a request may ask for (1s to 1h).
		 */
		private Duration maxDuration = Duration.ofMinutes(10);

		/**
		 * Most allocation samples JFR takes per second (its throttle), over all threads.
		 */
		private int samplesPerSecond = 300;

		/**
		 * Longest the search for paths to GC roots may take at the end of a recording; it
		 * pauses the application (raise it for complete chains on a large heap), and 0
		 * searches none.
		 */
		private Duration pathCutoff = Duration.ofMillis(250);

		/**
		 * Whether old-object samples carry the stack that allocated them; JFR then walks the
		 * stack at every allocation it considers, which cost about 2.5% of the demo app's
		 * throughput.
		 */
		private boolean oldObjectStackTraces;

		/**
		 * Most classes reported when the request names none (those with the most sampled bytes).
		 */
		private int maxClasses = 10;

		/**
		 * Most allocation sites reported per class.
		 */
		private int maxSites = 10;

		/**
		 * Most reference chains of old-object samples reported in all, and per class.
		 */
		private int maxChains = 10;

		/**
		 * Most finished recordings kept; finishing one more forgets the oldest.
		 */
		private int maxResults = 10;

		/**
		 * More package prefixes whose frames are not application code, besides the JDK's,
		 * Spring's, common libraries' and the starter's (a shared library whose callers you
		 * want to see instead).
		 */
		private @Nullable List<String> frameworkPackages;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getDefaultDuration() {
			return this.defaultDuration;
		}

		public void setDefaultDuration(Duration defaultDuration) {
			requireWithin("leaks.allocations.default-duration", defaultDuration, Duration.ofSeconds(1),
					Duration.ofHours(1));
			this.defaultDuration = defaultDuration;
		}

		public Duration getMaxDuration() {
			return this.maxDuration;
		}

		public void setMaxDuration(Duration maxDuration) {
			requireWithin("leaks.allocations.max-duration", maxDuration, Duration.ofSeconds(1), Duration.ofHours(1));
			this.maxDuration = maxDuration;
		}

		public int getSamplesPerSecond() {
			return this.samplesPerSecond;
		}

		public void setSamplesPerSecond(int samplesPerSecond) {
			requireWithin("leaks.allocations.samples-per-second", samplesPerSecond, 1, 100_000);
			this.samplesPerSecond = samplesPerSecond;
		}

		public Duration getPathCutoff() {
			return this.pathCutoff;
		}

		public void setPathCutoff(Duration pathCutoff) {
			requireWithin("leaks.allocations.path-cutoff", pathCutoff, Duration.ZERO, Duration.ofMinutes(1));
			this.pathCutoff = pathCutoff;
		}

		public boolean isOldObjectStackTraces() {
			return this.oldObjectStackTraces;
		}

		public void setOldObjectStackTraces(boolean oldObjectStackTraces) {
			this.oldObjectStackTraces = oldObjectStackTraces;
		}

		public int getMaxClasses() {
			return this.maxClasses;
		}

		public void setMaxClasses(int maxClasses) {
			requireWithin("leaks.allocations.max-classes", maxClasses, 1, 1000);
			this.maxClasses = maxClasses;
		}

		public int getMaxSites() {
			return this.maxSites;
		}

		public void setMaxSites(int maxSites) {
			requireWithin("leaks.allocations.max-sites", maxSites, 1, 1000);
			this.maxSites = maxSites;
		}

		public int getMaxChains() {
			return this.maxChains;
		}

		public void setMaxChains(int maxChains) {
			requireWithin("leaks.allocations.max-chains", maxChains, 1, 1000);
			this.maxChains = maxChains;
		}

		public int getMaxResults() {
			return this.maxResults;
		}

		public void setMaxResults(int maxResults) {
			requireWithin("leaks.allocations.max-results", maxResults, 1, 1000);
			this.maxResults = maxResults;
		}

		public @Nullable List<String> getFrameworkPackages() {
			return this.frameworkPackages;
		}

		public void setFrameworkPackages(@Nullable List<String> frameworkPackages) {
			this.frameworkPackages = (frameworkPackages != null) ? new ArrayList<>(frameworkPackages) : null;
		}

		private static void requireWithin(String property, Duration value, Duration min, Duration max) {
			if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
				throw new IllegalArgumentException(
						property + " must be from " + min + " to " + max + ", was " + value);
			}
		}

		private static void requireWithin(String property, int value, int min, int max) {
			if (value < min || value > max) {
				throw new IllegalArgumentException(property + " must be from " + min + " to " + max + ", was " + value);
			}
		}

	}

}
