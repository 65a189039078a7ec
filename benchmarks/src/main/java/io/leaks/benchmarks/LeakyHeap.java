package io.leaks.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A heap shaped like a service's, with the five classic leaks in it: mostly small objects
 * (records with strings and small arrays, a quarter of the bytes in 1 KB payloads), so
 * that a 500 MB dump holds about ten million objects, like the 490 MB, 10.6 million object
 * dump measured in issue 10; plus
 * {@link #LEAKED} instances of each leaking class held the way the demo app holds them.
 */
final class LeakyHeap {

	static final int LEAKED = 10_000;

	static final int WORKERS = 4;

	/** The classes the benchmark asks about. */
	static final List<String> CLASSES = List.of(Listener.class.getName(), CachedReport.class.getName(),
			Handler.class.getName(), AuditEntry.class.getName(), Upload.class.getName());

	/** Listener leak: an application-wide bus that nobody unsubscribes from. */
	static final Set<Consumer<String>> BUS = ConcurrentHashMap.newKeySet();

	/** Unbounded cache. */
	static final Map<String, CachedReport> CACHE = new ConcurrentHashMap<>();

	/** Static handler registry. */
	static final Map<String, Handler> HANDLERS = Collections.synchronizedMap(new HashMap<>());

	/** Closures: an index of lambdas that captured whole uploads. */
	static final UploadIndex INDEX = new UploadIndex();

	private static final ThreadLocal<List<AuditEntry>> AUDIT = ThreadLocal.withInitial(ArrayList::new);

	private final List<Object> background = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Thread> workers = new ArrayList<>();

	private LeakyHeap() {
	}

	/**
	 * Fills the heap.
	 * @param megabytes live data to hold, roughly
	 * @return the heap; {@link #release()} it after the dump
	 * @throws InterruptedException if interrupted while the workers fill their thread-locals
	 */
	static LeakyHeap fill(int megabytes) throws InterruptedException {
		LeakyHeap heap = new LeakyHeap();
		heap.background(megabytes * 1024L * 1024);
		for (int i = 0; i < LEAKED; i++) {
			Listener listener = new Listener(i);
			BUS.add(listener::onEvent);
			CACHE.put("report-" + i, new CachedReport("report-" + i, new byte[200]));
			HANDLERS.put("/callbacks/" + i, new Handler("/callbacks/" + i));
			Upload upload = new Upload("scan-" + i + ".pdf", new byte[256]);
			INDEX.add(i, () -> upload.name() + " (" + upload.content().length + " bytes)");
		}
		CountDownLatch filled = new CountDownLatch(WORKERS);
		for (int w = 0; w < WORKERS; w++) {
			Thread worker = new Thread(() -> {
				for (int i = 0; i < LEAKED / WORKERS; i++) {
					AUDIT.get().add(new AuditEntry("request-" + i, new byte[100]));
				}
				filled.countDown();
				try {
					heap.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "audit-worker-" + (w + 1));
			worker.setDaemon(true);
			worker.start();
			heap.workers.add(worker);
		}
		filled.await();
		return heap;
	}

	void release() {
		this.release.countDown();
	}

	long objects() {
		return this.background.stream().mapToLong((list) -> ((List<?>) list).size()).sum();
	}

	private void background(long bytes) {
		Random random = new Random(42);
		long payloadBytes = bytes / 4;
		List<byte[]> payloads = new ArrayList<>();
		for (long i = 0; i < payloadBytes / 1040; i++) {
			byte[] payload = new byte[1024];
			random.nextBytes(payload);
			payloads.add(payload);
		}
		this.background.add(payloads);
		// A Session with its name (a String and its bytes) and token: 4 objects, ~110 bytes.
		List<Session> sessions = new ArrayList<>();
		for (long i = 0; i < (bytes - payloadBytes) / 110; i++) {
			sessions.add(new Session(i, "user-" + i, new byte[16]));
		}
		this.background.add(sessions);
	}

	record Session(long id, String user, byte[] token) {

	}

	static final class Listener {

		private final long id;

		private final byte[] receipt = new byte[200];

		Listener(long id) {
			this.id = id;
		}

		void onEvent(String event) {
			this.receipt[0] = (byte) (event.length() + this.id);
		}

	}

	record CachedReport(String key, byte[] body) {

	}

	record Handler(String route) {

	}

	record AuditEntry(String request, byte[] details) {

	}

	record Upload(String name, byte[] content) {

	}

	static final class UploadIndex {

		private final Map<Long, Supplier<String>> descriptions = new ConcurrentHashMap<>();

		void add(long id, Supplier<String> description) {
			this.descriptions.put(id, description);
		}

	}

}
