package io.leaks.trend;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Records every garbage collection from the JVM's GC notifications, as Micrometer's
 * {@code JvmGcMetrics} listens for them: one listener per collector bean, each removed on
 * {@link #close()}. Each collection goes into the {@link GcHistory} the analysis judges and
 * into a bounded log of {@link GcEvent}s for the history charts. Nothing is polled and
 * nothing is forced: this only listens.
 */
public final class GcEventRecorder implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(GcEventRecorder.class);

	private final GcHistory history;

	private final RingBuffer<GcEvent> events;

	private final List<Runnable> removals = new ArrayList<>();

	private final Set<String> heapPools = new HashSet<>();

	public GcEventRecorder(GcHistory history, int eventCapacity) {
		this.history = history;
		this.events = new RingBuffer<>(eventCapacity);
	}

	/**
	 * Whether this JVM sends GC notifications with the details needed.
	 * @return whether {@link #start()} can record anything
	 */
	public static boolean isAvailable() {
		try {
			Class.forName("com.sun.management.GarbageCollectionNotificationInfo", false,
					GcEventRecorder.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Starts listening.
	 * @return whether any collector could be listened to
	 */
	public synchronized boolean start() {
		if (!this.removals.isEmpty()) {
			return true;
		}
		if (!isAvailable()) {
			logger.warn("GC notifications are unavailable on this JVM (" + System.getProperty("java.vm.name")
					+ "); the leaks trend analysis sees no collections, so its heap verdict stays COLLECTING "
					+ "(metaspace and threads are still judged)");
			return false;
		}
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				this.heapPools.add(pool.getName());
			}
		}
		NotificationListener listener = this::onNotification;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				this.removals.add(Subscriptions.subscribe(emitter, listener, (notification) -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
					.equals(notification.getType())));
			}
		}
		return !this.removals.isEmpty();
	}

	private void onNotification(Notification notification, Object handback) {
		try {
			record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
		}
		catch (RuntimeException ex) {
			// Never let a decoding surprise escape into the JVM's notification thread.
			logger.debug("Ignored a GC notification that could not be decoded", ex);
		}
	}

	private void record(GarbageCollectionNotificationInfo notification) {
		GcInfo info = notification.getGcInfo();
		Map<String, MemoryUsage> before = info.getMemoryUsageBeforeGc();
		Map<String, MemoryUsage> after = info.getMemoryUsageAfterGc();
		long heapBefore = 0;
		long heapAfter = 0;
		long committed = 0;
		List<GcEvent.PoolChange> pools = new ArrayList<>();
		for (Map.Entry<String, MemoryUsage> entry : after.entrySet()) {
			String pool = entry.getKey();
			if (!this.heapPools.contains(pool)) {
				continue;
			}
			MemoryUsage poolBefore = before.get(pool);
			long used = entry.getValue().getUsed();
			long usedBefore = (poolBefore != null) ? poolBefore.getUsed() : used;
			heapBefore += usedBefore;
			heapAfter += used;
			committed += entry.getValue().getCommitted();
			pools.add(new GcEvent.PoolChange(pool, usedBefore, used));
		}
		CollectionKind kind = CollectorKinds.classify(notification.getGcName(), notification.getGcAction());
		this.history.record(new HeapAfterGc(info.getEndTime(), kind, heapAfter, committed));
		this.events.add(new GcEvent(info.getEndTime(), notification.getGcName(), notification.getGcAction(),
				notification.getGcCause(), kind, info.getDuration(), heapBefore, heapAfter, committed, pools));
	}

	/**
	 * The last collections recorded.
	 * @return the collections, oldest first
	 */
	public List<GcEvent> events() {
		return this.events.list();
	}

	public GcHistory history() {
		return this.history;
	}

	@Override
	public synchronized void close() {
		this.removals.forEach(Runnable::run);
		this.removals.clear();
	}

}
