package io.leaks.demo.closures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A long-lived index that keeps, per upload, a callback describing it. Keeping a small
 * entry per upload is its job; what each callback captured decides how small it is.
 */
final class UploadIndex {

	private final Map<Long, Supplier<String>> descriptions = new ConcurrentHashMap<>();

	void add(long uploadId, Supplier<String> description) {
		this.descriptions.put(uploadId, description);
	}

	@Nullable String describe(long uploadId) {
		Supplier<String> description = this.descriptions.get(uploadId);
		return (description != null) ? description.get() : null;
	}

	int size() {
		return this.descriptions.size();
	}

	void clear() {
		this.descriptions.clear();
	}

}
