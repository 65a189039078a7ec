package io.leaks.heapdump;

import java.util.ArrayList;
import java.util.List;

/**
 * Which dumps to delete so that at most {@code maxCount} dumps and {@code maxTotalBytes}
 * remain: the oldest first, and never the one just written (a single dump larger than the
 * limit is kept, because it is the evidence the user asked for).
 */
final class HeapDumpRetention {

	private HeapDumpRetention() {
	}

	/**
	 * Selects the dumps to delete.
	 * @param oldestFirst every dump in the directory, oldest first
	 * @param keep the name of the dump just written
	 * @param maxCount most dumps to keep
	 * @param maxTotalBytes most bytes to keep
	 * @return the dumps to delete, oldest first
	 */
	static List<HeapDump> select(List<HeapDump> oldestFirst, String keep, int maxCount, long maxTotalBytes) {
		int count = oldestFirst.size();
		long total = 0;
		for (HeapDump dump : oldestFirst) {
			total += dump.sizeBytes();
		}
		List<HeapDump> delete = new ArrayList<>();
		for (HeapDump dump : oldestFirst) {
			if (count <= maxCount && total <= maxTotalBytes) {
				break;
			}
			if (dump.name().equals(keep)) {
				continue;
			}
			delete.add(dump);
			count--;
			total -= dump.sizeBytes();
		}
		return delete;
	}

}
