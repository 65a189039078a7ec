package io.leaks.demo.listeners;

/**
 * Handle returned by {@link OrderEventBus#subscribe}; closing it unsubscribes, so
 * try-with-resources ends a subscription with the block that needed it.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

	@Override
	void close();

}
