package io.leaks.demo.listeners;

/**
 * Waits for the confirmation of one order during a checkout, holding the receipt it will
 * send.
 */
public final class OrderListener {

	/** Size of the receipt draft: a few KB per checkout. */
	static final int RECEIPT_BYTES = 2048;

	private final long orderId;

	private final byte[] receipt = new byte[RECEIPT_BYTES];

	private volatile boolean confirmed;

	OrderListener(long orderId) {
		this.orderId = orderId;
	}

	long orderId() {
		return this.orderId;
	}

	void onOrderPlaced(OrderPlaced event) {
		if (event.orderId() == this.orderId) {
			this.confirmed = true;
		}
	}

	boolean isConfirmed() {
		return this.confirmed;
	}

}
