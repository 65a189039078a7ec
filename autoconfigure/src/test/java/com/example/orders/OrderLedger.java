package com.example.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture outside the starter's packages, so that its frames count as application
 * code: records a receipt per order and keeps one in a hundred of them in a static list,
 * the way a slow leak keeps a little of what passes through. About 600 MB/s at most, of
 * which 6 MB/s are kept.
 */
public final class OrderLedger {

	/** Large enough that each receipt is allocated outside a TLAB, and sampled often. */
	public static final int RECEIPT_BYTES = 64 * 1024;

	private static final List<byte[]> KEPT = new ArrayList<>();

	private static long sink;

	private OrderLedger() {
	}

	/**
	 * Records orders until the time is up.
	 * @param millis for how long
	 * @return how many receipts are kept
	 * @throws InterruptedException if interrupted
	 */
	public static synchronized int recordFor(long millis) throws InterruptedException {
		long end = System.nanoTime() + millis * 1_000_000;
		int orders = 0;
		while (System.nanoTime() < end) {
			byte[] receipt = record(orders++);
			if (orders % 100 == 0) {
				KEPT.add(receipt);
			}
			if (orders % 10 == 0) {
				Thread.sleep(1);
			}
		}
		return KEPT.size();
	}

	private static byte[] record(int order) {
		byte[] receipt = new byte[RECEIPT_BYTES];
		receipt[order % RECEIPT_BYTES] = 1;
		sink += receipt[0];
		return receipt;
	}

	public static synchronized void clear() {
		KEPT.clear();
	}

}
