package io.leaks.demo.listeners;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A long-lived emitter: it lives as long as the application, so every subscriber it holds
 * lives that long too, together with whatever the subscriber's method reference or lambda
 * captured.
 */
final class OrderEventBus {

	private final Set<Consumer<OrderPlaced>> subscribers = ConcurrentHashMap.newKeySet();

	/**
	 * Adds a subscriber. Each evaluation of a method reference is a new object, so the
	 * returned handle is the only reliable way to remove this one again.
	 * @param subscriber called for every event
	 * @return the handle that unsubscribes
	 */
	Subscription subscribe(Consumer<OrderPlaced> subscriber) {
		this.subscribers.add(subscriber);
		return () -> this.subscribers.remove(subscriber);
	}

	void publish(OrderPlaced event) {
		for (Consumer<OrderPlaced> subscriber : this.subscribers) {
			subscriber.accept(event);
		}
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	void clear() {
		this.subscribers.clear();
	}

}
