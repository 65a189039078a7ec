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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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

	private final List<Consumer<GcNotification>> listeners = new CopyOnWriteArrayList<>();

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
			record(notification(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())));
		}
		catch (RuntimeException ex) {
			// Never let a decoding surprise escape into the JVM's notification thread.
			logger.debug("Ignored a GC notification that could not be decoded", ex);
		}
	}

	private GcNotification notification(GarbageCollectionNotificationInfo notification) {
		GcInfo info = notification.getGcInfo();
		Map<String, MemoryUsage> before = info.getMemoryUsageBeforeGc();
		List<GcNotification.PoolUsage> pools = new ArrayList<>();
		for (Map.Entry<String, MemoryUsage> entry : info.getMemoryUsageAfterGc().entrySet()) {
			String pool = entry.getKey();
			if (!this.heapPools.contains(pool)) {
				continue;
			}
			MemoryUsage after = entry.getValue();
			MemoryUsage poolBefore = before.get(pool);
			MemoryUsage was = (poolBefore != null) ? poolBefore : after;
			pools.add(new GcNotification.PoolUsage(pool, was.getUsed(), was.getCommitted(), after.getUsed(),
					after.getCommitted(), after.getMax()));
		}
		return new GcNotification(notification.getGcName(), notification.getGcAction(), notification.getGcCause(),
				info.getStartTime(), info.getEndTime(), info.getDuration(), pools);
	}

	/**
	 * Records one collection: what the JVM's notification thread does for every
	 * collection, and what a replay of a recorded trace does for each one it holds.
	 * @param notification the collection
	 */
	public void record(GcNotification notification) {
		CollectionKind kind = CollectorKinds.classify(notification);
		long heapBefore = notification.usedBefore();
		long heapAfter = notification.usedAfter();
		long committed = notification.committedAfter();
		this.history.collectedBy(CollectorKinds.measuresFloorItself(notification.collector()));
		this.history.record(new HeapAfterGc(notification.endMillis(), kind, heapAfter, committed, notification.forced()));
		List<GcEvent.PoolChange> pools = new ArrayList<>();
		for (GcNotification.PoolUsage pool : notification.pools()) {
			pools.add(new GcEvent.PoolChange(pool.pool(), pool.usedBefore(), pool.usedAfter()));
		}
		this.events.add(new GcEvent(notification.endMillis(), notification.collector(), notification.action(),
				notification.cause(), kind, notification.durationMillis(), heapBefore, heapAfter, committed, pools));
		for (Consumer<GcNotification> listener : this.listeners) {
			try {
				listener.accept(notification);
			}
			catch (RuntimeException ex) {
				logger.debug("A GC notification listener failed", ex);
			}
		}
	}

	/**
	 * Adds a listener that receives every collection after it is recorded, on the thread
	 * that recorded it (the JVM's notification thread): it must be quick and never block.
	 * @param listener the listener
	 */
	public void addListener(Consumer<GcNotification> listener) {
		this.listeners.add(listener);
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
