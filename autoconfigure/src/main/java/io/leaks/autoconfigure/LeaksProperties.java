package io.leaks.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
	 * Forced collections (explicit GC and live snapshots).
	 */
	public static class Gc {

		/**
		 * How long a forced collection waits for another one to finish before it is refused
		 * with 429.
		 */
		private Duration busyWait = Duration.ofSeconds(2);

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
