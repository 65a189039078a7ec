package io.leaks.gc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: another thread holds a {@link CollectionGuard} as a long GC would, until
 * closed.
 */
public final class HeldGuard implements AutoCloseable {

	private final CountDownLatch release = new CountDownLatch(1);

	private final Thread holder;

	private HeldGuard(CollectionGuard guard) throws InterruptedException {
		CountDownLatch holding = new CountDownLatch(1);
		this.holder = new Thread(() -> guard.run(() -> {
			holding.countDown();
			try {
				return this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				return false;
			}
		}), "held-guard");
		this.holder.start();
		if (!holding.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The guard could not be taken");
		}
	}

	public static HeldGuard hold(CollectionGuard guard) throws InterruptedException {
		return new HeldGuard(guard);
	}

	@Override
	public void close() throws InterruptedException {
		this.release.countDown();
		this.holder.join();
	}

}
