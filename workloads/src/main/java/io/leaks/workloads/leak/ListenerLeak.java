package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * Every checkout subscribes a listener to an application-wide event bus and never
 * unsubscribes: the bus keeps every listener and its receipt.
 */
public final class ListenerLeak extends SteadyLeak {

	static final int RECEIPT_BYTES = 2048;

	static final Duration FILL = Duration.ofMinutes(25);

	private final OrderEventBus bus = new OrderEventBus();

	public ListenerLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "listener-leak"),
				settings.onsetOr(Duration.ZERO), RECEIPT_BYTES + 80);
	}

	@Override
	void keep(long index) {
		OrderListener listener = new OrderListener(index, new byte[RECEIPT_BYTES]);
		this.bus.subscribe(listener::onOrderPlaced);
	}

	@Override
	void drop() {
		this.bus.clear();
	}

	@Override
	public String describe() {
		return "listener leak: every checkout subscribes an OrderListener (2 KiB receipt) to an event bus and never "
				+ "unsubscribes, " + pace();
	}

	/**
	 * The application-wide bus.
	 */
	static final class OrderEventBus {

		private final List<Consumer<String>> listeners = new ArrayList<>();

		void subscribe(Consumer<String> listener) {
			this.listeners.add(listener);
		}

		void clear() {
			this.listeners.clear();
		}

	}

	/**
	 * Listens for orders, holding its checkout's receipt.
	 */
	static final class OrderListener {

		private final long checkout;

		private final byte[] receipt;

		OrderListener(long checkout, byte[] receipt) {
			this.checkout = checkout;
			this.receipt = receipt;
		}

		void onOrderPlaced(String order) {
			this.receipt[(int) (this.checkout % this.receipt.length)] = (byte) order.length();
		}

	}

}
