package io.leaks.benchmarks.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leaks.trace.Trace;
import io.leaks.trend.GcNotification;

/**
 * Converts a GC log reduced to CSV ({@code t_ms,used_after_gc,capacity,kind}, as in
 * {@code shared/traces}) into a trace, as production would have seen the log's collections:
 * each row becomes the notification of the collector bean that reports that kind on the
 * log's collector family, with the heap after it in the old generation's pool. A
 * {@code mixed} row arrives, as G1 reports it, from the young-generation bean with the old
 * generation's usage going down; a {@code young} row never lowers it. A log knows no max
 * heap, causes or memory samples: the trace says so in its meta data.
 */
public final class CsvTraces {

	private CsvTraces() {
	}

	/**
	 * Reads and converts one CSV trace.
	 * @param file the CSV file
	 * @param description what is known of its JVM (file name, source path, reason), to
	 * tell its collector family
	 * @return the trace
	 * @throws IOException if the file cannot be read
	 */
	public static Trace read(Path file, String description) throws IOException {
		Family family = Family.of(description);
		List<String> lines = Files.readAllLines(file);
		List<GcNotification> collections = new ArrayList<>();
		long previousOld = 0;
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",");
			long at = Math.round(Double.parseDouble(fields[0]));
			long used = Long.parseLong(fields[1].trim());
			long capacity = Long.parseLong(fields[2].trim());
			String kind = fields[3].trim().toLowerCase(Locale.ROOT);
			long oldBefore = switch (kind) {
				// Young collections only promote: the old generation never shrinks.
				case "young" -> Math.min(previousOld, used);
				// Mixed collections evacuate old regions too: it shrinks.
				case "mixed" -> Math.max(previousOld, used + 1);
				default -> Math.max(previousOld, used);
			};
			String collector = family.collector(kind);
			String action = kind.equals("young") || kind.equals("mixed") ? "end of minor GC"
					: kind.equals("full") ? "end of major GC" : "end of GC pause";
			collections.add(new GcNotification(collector, action, "Allocation Failure", at, at, 0,
					List.of(new GcNotification.PoolUsage(family.youngPool, 0, 0, 0, 0, -1),
							new GcNotification.PoolUsage(family.oldPool, oldBefore, capacity, used, capacity, -1))));
			previousOld = used;
		}
		Map<String, String> meta = new LinkedHashMap<>();
		meta.put("source", "csv");
		meta.put("collectors", family.young + "," + family.full);
		meta.put("heap.pools", family.youngPool + "," + family.oldPool);
		meta.put("heap.max", "-1");
		return new Trace(1, meta, collections, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), null);
	}

	/**
	 * The collector beans and pools of a collector family, as the JVM names them.
	 */
	enum Family {

		G1("G1 Young Generation", "G1 Old Generation", "G1 Eden Space", "G1 Old Gen"),

		PARALLEL("PS Scavenge", "PS MarkSweep", "PS Eden Space", "PS Old Gen"),

		CMS("ParNew", "ConcurrentMarkSweep", "Par Eden Space", "CMS Old Gen"),

		SERIAL("Copy", "MarkSweepCompact", "Eden Space", "Tenured Gen"),

		SHENANDOAH("Shenandoah Pauses", "Shenandoah Cycles", "Shenandoah", "Shenandoah");

		private final String young;

		private final String full;

		private final String youngPool;

		private final String oldPool;

		Family(String young, String full, String youngPool, String oldPool) {
			this.young = young;
			this.full = full;
			this.youngPool = youngPool;
			this.oldPool = oldPool;
		}

		String collector(String kind) {
			return switch (kind) {
				case "young", "mixed" -> (this == SHENANDOAH) ? this.full : this.young;
				case "full" -> this.full;
				// Remark, cleanup and other pauses inside a concurrent cycle: not a bean any
				// family maps to a kind, so the action decides (OTHER).
				default -> "GC pause";
			};
		}

		static Family of(String description) {
			String text = description.toLowerCase(Locale.ROOT);
			if (text.contains("g1")) {
				return G1;
			}
			if (text.contains("shenandoah")) {
				return SHENANDOAH;
			}
			if (text.contains("cms") || text.contains("parnew")) {
				return CMS;
			}
			if (text.contains("_ps") || text.contains("parallel") || text.contains("/ps/")) {
				return PARALLEL;
			}
			return SERIAL;
		}

	}

}
