package io.leaks.trend;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * Adds a JMX notification listener and hands back what undoes it.
 */
final class Subscriptions {

	private Subscriptions() {
	}

	static Runnable subscribe(NotificationEmitter emitter, NotificationListener listener, NotificationFilter filter) {
		emitter.addNotificationListener(listener, filter, null);
		return () -> {
			try {
				emitter.removeNotificationListener(listener);
			}
			catch (ListenerNotFoundException ex) {
				// Already gone: nothing to undo.
			}
		};
	}

}
