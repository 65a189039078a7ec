package io.leaks.trend;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The simple guard: a warning when a long-lived pool is still fuller than a share of its
 * maximum right after a collection. The JVM itself watches for it (each pool's
 * collection-usage threshold) and notifies, so nothing is polled. The thresholds found
 * are restored on {@link #close()}.
 */
public final class CollectionUsageWarning implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CollectionUsageWarning.class);

	private final double share;

	/**
	 * The JVM notifies after every collection that leaves a pool above its threshold (many a
	 * second in a heap that thrashes): one line per this period is enough, the rest are
	 * counted.
	 */
	static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(5);

	private final AtomicLong warnings = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private final AtomicLong unlogged = new AtomicLong();

	private final List<Runnable> undo = new ArrayList<>();

	/**
	 * Creates the guard.
	 * @param share the share of a pool's maximum, above 0 and below 1
	 */
	public CollectionUsageWarning(double share) {
		if (!(share > 0 && share < 1)) {
			throw new IllegalArgumentException("share must be above 0 and below 1, was " + share);
		}
		this.share = share;
	}

	/**
	 * Sets the thresholds and starts listening.
	 * @return how many pools are watched
	 */
	public synchronized int start() {
		if (!this.undo.isEmpty()) {
			return this.undo.size() - 1;
		}
		int watched = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			long max = pool.getUsage().getMax();
			if (pool.getType() != MemoryType.HEAP || !CollectorKinds.isLongLived(pool.getName()) || max <= 0
					|| !pool.isCollectionUsageThresholdSupported()) {
				continue;
			}
			long previous = pool.getCollectionUsageThreshold();
			pool.setCollectionUsageThreshold((long) (max * this.share));
			this.undo.add(() -> pool.setCollectionUsageThreshold(previous));
			watched++;
		}
		if (watched > 0 && ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter) {
			NotificationListener listener = this::onNotification;
			this.undo.add(Subscriptions.subscribe(emitter, listener, (notification) -> MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED
				.equals(notification.getType())));
		}
		return watched;
	}

	private void onNotification(Notification notification, Object handback) {
		try {
			MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) notification.getUserData());
			long used = info.getUsage().getUsed();
			long max = info.getUsage().getMax();
			this.warnings.incrementAndGet();
			long now = System.nanoTime();
			long last = this.lastLogged.get();
			if (now - last < LOG_EVERY_NANOS || !this.lastLogged.compareAndSet(last, now)) {
				this.unlogged.incrementAndGet();
				return;
			}
			long since = this.unlogged.getAndSet(0);
			logger.warn(String.format(Locale.ROOT,
					"%s still holds %s of its %s (%.0f%%) after a collection, above leaks.trend.warn-threshold=%.2f%s; "
							+ "GET /actuator/leaks/trend says whether it is a leak",
					info.getPoolName(), Units.bytes(used), Units.bytes(max), 100.0 * used / max, this.share,
					(since > 0) ? " (and " + since + " more times since the last warning)" : ""));
		}
		catch (RuntimeException ex) {
			logger.debug("Ignored a memory notification that could not be decoded", ex);
		}
	}

	/**
	 * Warnings logged so far.
	 * @return the count
	 */
	public long warnings() {
		return this.warnings.get();
	}

	@Override
	public synchronized void close() {
		for (int i = this.undo.size() - 1; i >= 0; i--) {
			this.undo.get(i).run();
		}
		this.undo.clear();
	}

}
