package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * Every connection starts a watchdog thread that is never stopped: threads (and their
 * buffers) pile up until the limit, where the leak stops so the host survives it.
 */
public final class ThreadLeak extends SteadyLeak {

	static final Rate DEFAULT_RATE = Rate.ofCount(10, Duration.ofMinutes(1));

	static final int LIMIT = 4000;

	static final int BUFFER_BYTES = 16 * 1024;

	private final List<Thread> watchdogs = new ArrayList<>();

	private final int limit;

	private CountDownLatch stop = new CountDownLatch(1);

	public ThreadLeak(ScenarioSettings settings) {
		super(settings.countRateOr(DEFAULT_RATE, "thread-leak", "threads"), settings.onsetOr(Duration.ZERO), 1);
		this.limit = settings.limitOr(LIMIT);
	}

	@Override
	void keep(long index) {
		if (this.watchdogs.size() >= this.limit) {
			stopLeaking();
			return;
		}
		CountDownLatch released = this.stop;
		ConnectionWatchdog watchdog = new ConnectionWatchdog(index, new byte[BUFFER_BYTES], released);
		Thread thread = new Thread(watchdog, "connection-watchdog-" + index);
		thread.setDaemon(true);
		thread.start();
		this.watchdogs.add(thread);
	}

	@Override
	void drop() {
		this.stop.countDown();
		for (Thread thread : this.watchdogs) {
			try {
				thread.join(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.watchdogs.clear();
		this.stop = new CountDownLatch(1);
	}

	/**
	 * Live watchdog threads.
	 * @return how many were started and have not ended
	 */
	public int alive() {
		return (int) this.watchdogs.stream().filter(Thread::isAlive).count();
	}

	@Override
	public String describe() {
		return "thread leak: every connection starts a ConnectionWatchdog thread (16 KiB buffer) that never ends, "
				+ pace() + ", at most " + this.limit;
	}

	/**
	 * Watches a connection that is long gone.
	 */
	static final class ConnectionWatchdog implements Runnable {

		private final long connection;

		private final byte[] buffer;

		private final CountDownLatch released;

		ConnectionWatchdog(long connection, byte[] buffer, CountDownLatch released) {
			this.connection = connection;
			this.buffer = buffer;
			this.released = released;
		}

		@Override
		public void run() {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.buffer[0] = (byte) this.connection;
		}

	}

}
