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

}
