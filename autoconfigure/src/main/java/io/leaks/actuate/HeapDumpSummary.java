package io.leaks.actuate;

import java.time.Instant;

import io.leaks.heapdump.HeapDump;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * A heap dump in the dump directory.
 *
 * @param name the file name; use it to download or delete the dump
 * @param sizeBytes its size on disk
 * @param createdAt when the dump started
 * @param automatic whether it was taken automatically (on a suspected leak)
 * @param live whether it holds live objects only
 * @param label the label, exactly as it was given
 * @param compressed whether it is gzip-compressed
 */
public record HeapDumpSummary(String name, long sizeBytes, Instant createdAt, boolean automatic, boolean live,
		@Nullable String label, boolean compressed) implements OperationResponseBody {

	static HeapDumpSummary of(HeapDump dump) {
		return new HeapDumpSummary(dump.name(), dump.sizeBytes(), dump.createdAt(), dump.automatic(), dump.live(),
				dump.label(), dump.compressed());
	}

}
