package io.leaks.analysis;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * A small JVM that holds known structures and dumps its own heap, so that the analysis
 * tests work on dumps of a few megabytes whose every holder is known: {@code count}
 * subscribers in a static list (each also held softly, which must not count as a path),
 * and 300 subscribers in a thread-local of the thread {@code test-worker-7}.
 * <p>
 * Usage: {@code AnalysisFixture <dump.hprof> <count>}.
 */
public final class AnalysisFixture {

	static final String WORKER = "test-worker-7";

	static final int THREAD_LOCAL_COUNT = 300;

	/** What a leaking listener list holds. */
	static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();

	/** Held both strongly (by the list above) and softly; only the list is a path. */
	static final List<SoftReference<Subscriber>> SOFTLY = new ArrayList<>();

	private static final ThreadLocal<List<Subscriber>> LOCAL = new ThreadLocal<>();

	private AnalysisFixture() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[1]);
		for (int i = 0; i < count; i++) {
			Subscriber subscriber = new Subscriber(i);
			SUBSCRIBERS.add(subscriber);
			SOFTLY.add(new SoftReference<>(subscriber));
		}
		CountDownLatch filled = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread worker = new Thread(() -> {
			// Filled in a method of its own, so that no local variable of this frame holds it.
			fillThreadLocal();
			filled.countDown();
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, WORKER);
		worker.setDaemon(true);
		worker.start();
		filled.await();
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
		done.countDown();
	}

	private static void fillThreadLocal() {
		List<Subscriber> held = new ArrayList<>();
		for (int i = 0; i < THREAD_LOCAL_COUNT; i++) {
			held.add(new Subscriber(-i));
		}
		LOCAL.set(held);
	}

	/**
	 * Runs the fixture in a JVM of its own.
	 * @param dump where it writes its dump
	 * @param count subscribers in the static list
	 * @return the dump
	 * @throws IOException if the JVM cannot start or fails
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	static Path dump(Path dump, int count) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), AnalysisFixture.class.getName(), dump.toString(),
				Integer.toString(count))
			.inheritIO()
			.start();
		if (process.waitFor() != 0) {
			throw new IOException("The fixture JVM failed with status " + process.exitValue());
		}
		return dump;
	}

	/** A listener with a payload, as a leaking subscriber would keep. */
	static final class Subscriber {

		private final long id;

		private final byte[] payload = new byte[1024];

		Subscriber(long id) {
			this.id = id;
		}

		long id() {
			return this.id + this.payload.length;
		}

	}

}
