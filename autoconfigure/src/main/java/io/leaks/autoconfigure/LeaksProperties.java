package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

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
		 * Whether to watch heap, metaspace and threads for leaks.
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
		 * Most full collections the trend analysis may force on its own (live histograms,
		 * automatic heap dumps) per forced-collection-budget-period.
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
		 * Whether the leaks health contributor reports DOWN while a heap leak is suspected
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

}
