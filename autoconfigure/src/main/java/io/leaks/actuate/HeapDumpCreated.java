package io.leaks.actuate;

import java.time.Instant;
import java.util.List;

import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumps;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code POST /actuator/leaks/heapdumps}: the dump just written.
 *
 * @param name the file name; use it to download or delete the dump
 * @param sizeBytes its size on disk
 * @param createdAt when the dump started
 * @param live whether it holds live objects only
 * @param label the label, exactly as it was given
 * @param compressed whether it is gzip-compressed
 * @param durationMillis how long writing (and compressing) took
 * @param deleted older dumps that retention deleted to make room
 * @param warnings anything to know about this dump
 */
public record HeapDumpCreated(String name, long sizeBytes, Instant createdAt, boolean live, @Nullable String label,
		boolean compressed, long durationMillis, List<String> deleted, List<String> warnings)
		implements OperationResponseBody {

	static HeapDumpCreated of(HeapDumps.Taken taken) {
		HeapDump dump = taken.dump();
		return new HeapDumpCreated(dump.name(), dump.sizeBytes(), dump.createdAt(), dump.live(), dump.label(),
				dump.compressed(), taken.duration().toMillis(), taken.deleted(), taken.warnings());
	}

}
