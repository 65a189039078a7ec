package io.leaks.demo.listeners;

import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.SequentialPattern;
import io.leaks.demo.pattern.Variant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A checkout subscribes a listener to the order events, places the order and waits for its
 * confirmation.
 */
@Component
@Order(2)
public class ListenersPattern extends SequentialPattern {

	private final OrderEventBus leakingBus = new OrderEventBus();

	private final OrderEventBus fixedBus = new OrderEventBus();

	public ListenersPattern() {
		super(new PatternInfo("listeners", "Event handler leak", OrderListener.class,
				"Each checkout subscribes listener::onOrderPlaced to an application-wide event bus and never "
						+ "unsubscribes, so the bus keeps every listener and its receipt",
				"The checkout subscribes in try-with-resources: closing the Subscription unsubscribes when the "
						+ "checkout ends",
				0));
	}

	@Override
	protected long runLeaking(long operation) {
		OrderListener listener = new OrderListener(operation);
		this.leakingBus.subscribe(listener.orderId(), listener::onOrderPlaced);
		placeOrder(this.leakingBus, listener);
		return 1;
	}

	@Override
	protected long runFixed(long operation) {
		OrderListener listener = new OrderListener(operation);
		try (Subscription subscription = this.fixedBus.subscribe(listener.orderId(), listener::onOrderPlaced)) {
			placeOrder(this.fixedBus, listener);
		}
		return 1;
	}

	private static void placeOrder(OrderEventBus bus, OrderListener listener) {
		bus.publish(new OrderPlaced(listener.orderId()));
		if (!listener.isConfirmed()) {
			throw new IllegalStateException("Order " + listener.orderId() + " was not confirmed to its listener");
		}
	}

	@Override
	public long retained(Variant variant) {
		return ((variant == Variant.LEAKING) ? this.leakingBus : this.fixedBus).subscriberCount();
	}

	@Override
	public void reset() {
		this.leakingBus.clear();
		this.fixedBus.clear();
	}

}
