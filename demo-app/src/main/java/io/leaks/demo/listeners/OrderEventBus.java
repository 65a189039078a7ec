package io.leaks.demo.listeners;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A long-lived emitter: it lives as long as the application, so every subscriber it holds
 * lives that long too, together with whatever the subscriber's method reference or lambda
 * captured. Subscribers are kept by the order they follow, as a topic-based bus does, so
 * an event reaches its order's subscribers only: dispatching every event to every
 * subscriber ever leaked would make each checkout slower than the last and, driven for
 * an hour, burn a core on the leak's listeners rather than show its memory.
 */
final class OrderEventBus {

	private final Map<Long, Set<Consumer<OrderPlaced>>> subscribers = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * Adds a subscriber to one order's events. Each evaluation of a method reference is a
	 * new object, so the returned handle is the only reliable way to remove this one again.
	 * @param orderId the order whose events it follows
	 * @param subscriber called for each of them
	 * @return the handle that unsubscribes
	 */
	Subscription subscribe(long orderId, Consumer<OrderPlaced> subscriber) {
		if (this.subscribers.computeIfAbsent(orderId, (id) -> ConcurrentHashMap.newKeySet()).add(subscriber)) {
			this.count.incrementAndGet();
		}
		return () -> this.subscribers.computeIfPresent(orderId, (id, followers) -> {
			if (followers.remove(subscriber)) {
				this.count.decrementAndGet();
			}
			return followers.isEmpty() ? null : followers;
		});
	}

	void publish(OrderPlaced event) {
		Set<Consumer<OrderPlaced>> followers = this.subscribers.get(event.orderId());
		if (followers != null) {
			for (Consumer<OrderPlaced> subscriber : followers) {
				subscriber.accept(event);
			}
		}
	}

	int subscriberCount() {
		return this.count.get();
	}

	void clear() {
		this.subscribers.clear();
		this.count.set(0);
	}

}
