package io.leaks.demo.threadlocals;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit entries of the request the current thread serves, kept in a
 * {@link ThreadLocal} so deep layers can add to it without passing it around. In a pooled
 * thread the value outlives the request unless {@link #clear()} removes it.
 */
final class AuditTrail {

	private final ThreadLocal<List<AuditEntry>> entries = new ThreadLocal<>();

	void record(AuditEntry entry) {
		List<AuditEntry> current = this.entries.get();
		if (current == null) {
			current = new ArrayList<>();
			this.entries.set(current);
		}
		current.add(entry);
	}

	/**
	 * Entries this thread holds now.
	 * @return the count, 0 once cleared
	 */
	int size() {
		List<AuditEntry> current = this.entries.get();
		return (current != null) ? current.size() : 0;
	}

	void clear() {
		this.entries.remove();
	}

}
