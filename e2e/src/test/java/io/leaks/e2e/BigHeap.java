package io.leaks.e2e;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * A JVM that holds a given amount of orders in a static list and dumps its heap: a dump
 * bigger than the heap of the application that analyses it.
 * <p>
 * Usage: {@code BigHeap <dump.hprof> <megabytes>}.
 */
public final class BigHeap {

	/** What the dump is analysed for. */
	static final List<Order> ORDERS = new ArrayList<>();

	private BigHeap() {
	}

	public static void main(String[] args) throws Exception {
		int megabytes = Integer.parseInt(args[1]);
		for (int i = 0; i < megabytes * 1024; i++) {
			ORDERS.add(new Order(i, new byte[1000]));
		}
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
	}

	/**
	 * An order with its payload.
	 *
	 * @param id the order's number
	 * @param payload about a kilobyte
	 */
	record Order(long id, byte[] payload) {

	}

}
