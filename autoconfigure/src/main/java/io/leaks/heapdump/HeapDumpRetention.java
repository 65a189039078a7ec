package io.leaks.heapdump;

import java.util.ArrayList;
import java.util.List;

/**
 * Which dumps to delete so that at most {@code maxCount} dumps and {@code maxTotalBytes}
 * remain: the oldest first, and never the one just written (a single dump larger than the
 * limit is kept, because it is the evidence the user asked for). An automatic dump makes
 * room only among automatic dumps: it never costs a dump someone took on purpose.
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
	 * @param automaticOnly whether only automatic dumps may be deleted (the limits still
	 * count every dump)
	 * @return the dumps to delete, oldest first; fewer than the limits need if
	 * {@code automaticOnly} leaves too few candidates
	 */
	static List<HeapDump> select(List<HeapDump> oldestFirst, String keep, int maxCount, long maxTotalBytes,
			boolean automaticOnly) {
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
			if (dump.name().equals(keep) || (automaticOnly && !dump.automatic())) {
				continue;
			}
			delete.add(dump);
			count--;
			total -= dump.sizeBytes();
		}
		return delete;
	}

}
