package io.leaks.actuate;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpException;
import io.leaks.heapdump.HeapDumps;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.util.Assert;

/**
 * Heap dumps: {@code /heapdumps} and {@code /heapdumps/{name}}.
 */
public final class HeapDumpOperations implements LeaksOperations {

	private final HeapDumps dumps;

	private final Access access;

	/**
	 * Creates the operations.
	 * @param dumps writes and keeps heap dumps
	 * @param access the endpoint's access: downloads need it unrestricted, and only then
	 * are callers told where the dumps are on the host
	 */
	public HeapDumpOperations(HeapDumps dumps, Access access) {
		Assert.notNull(dumps, "'dumps' must not be null");
		Assert.notNull(access, "'access' must not be null");
		this.dumps = dumps;
		this.access = access;
	}

	boolean isAvailable() {
		return this.dumps.isAvailable();
	}

	HeapDumpList list() {
		List<HeapDump> stored = refusable(this.dumps::list);
		long total = stored.stream().mapToLong(HeapDump::sizeBytes).sum();
		HeapDumps.Settings settings = this.dumps.settings();
		return new HeapDumpList(showsPaths() ? this.dumps.repository().directory().toString() : null,
				stored.stream().map(HeapDumpSummary::of).toList(), total, settings.maxCount(),
				settings.maxTotalSizeBytes(), settings.download(), this.dumps.isBusy());
	}

	/**
	 * What a dump is, without its content: the answer to {@code GET heapdumps/{name}}
	 * where the content cannot be served (over JMX).
	 */
	HeapDumpSummary describe(String name) {
		return HeapDumpSummary.of(refusable(() -> this.dumps.get(name)));
	}

	HeapDumpCreated dump(@Nullable String label, boolean live) {
		return HeapDumpCreated.of(refusable(() -> this.dumps.dump(label, live)));
	}

	Deleted delete(String name) {
		HeapDump deleted = refusable(() -> this.dumps.delete(name));
		return new Deleted(deleted.name(), "Heap dump '" + deleted.name() + "' deleted");
	}

	/**
	 * The file of a heap dump to download. Downloading is off unless
	 * {@code leaks.heap-dump.download=true}, and needs unrestricted access even though it
	 * is a read: a dump holds every secret in the heap.
	 * @param name the dump's name
	 * @return the dump
	 */
	HeapDump download(String name) {
		HeapDump dump = refusable(() -> this.dumps.get(name));
		if (!this.dumps.settings().download()) {
			throw LeaksOperationException.forbidden("Downloading heap dumps is off: a dump holds every secret in the "
					+ "heap (passwords, tokens, personal data). To allow it, set leaks.heap-dump.download=true and "
					+ "management.endpoint.leaks.access=unrestricted, and secure the endpoint; or copy the file from "
					+ (showsPaths() ? this.dumps.repository().directory() : "leaks.heap-dump.directory")
					+ " on the host");
		}
		if (this.access != Access.UNRESTRICTED) {
			throw LeaksOperationException.forbidden("Downloading a heap dump hands out every secret in the heap, so "
					+ "it needs management.endpoint.leaks.access=unrestricted (this endpoint has " + this.access
					+ " access)");
		}
		return dump;
	}

	private boolean showsPaths() {
		return this.access == Access.UNRESTRICTED;
	}

	/**
	 * The heap-dump package refuses with its own exception and knows nothing of HTTP; its
	 * reasons become statuses here, and its messages lose the dump directory's path for
	 * callers that may not learn it.
	 */
	private <T> T refusable(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (HeapDumpException ex) {
			int status = switch (ex.reason()) {
				case INVALID_LABEL, INVALID_NAME -> 400;
				case NOT_FOUND -> 404;
				case BUSY -> 429;
				case INSUFFICIENT_SPACE -> 507;
				case UNAVAILABLE, FAILED -> 503;
			};
			throw new LeaksOperationException(status,
					showsPaths() ? ex.getMessage() : withoutPaths(String.valueOf(ex.getMessage())));
		}
	}

	private String withoutPaths(String message) {
		return HostPaths.hide(message, Map.of(this.dumps.repository().directory(), "leaks.heap-dump.directory"));
	}

}
