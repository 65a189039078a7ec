package io.leaks.trace;

import java.util.List;

/**
 * The trace format, version 1: gzip-compressed UTF-8 text, one record per line, fields
 * separated by tabs, the record type first. Compressed text streams (a writer flushes the
 * compressor, so a process that dies leaves a readable prefix), stays small (a day of a
 * busy service is a few MB) and can be read by people with {@code zcat}.
 * <pre>
 * leaks-trace  1
 * meta     key  value                                   facts about the JVM and the run
 * columns  sample  at  heapUsed ...                     the fields of later sample records
 * pool     index  name  max                             a heap pool, before its first use
 * gc       end  start  duration  collector  action  cause  index:usedBefore:committedBefore:usedAfter:committedAfter ...
 * sample   at  heapUsed  heapCommitted ...              as declared by columns
 * histo    at  purpose  live  totalInstances  totalBytes  classCount  duration  (class  module  instances  bytes)...
 * tick     at                                           a judgement ended (at: its sample's time)
 * verdict  at  resource  status  leak  basis  growthPerMinute  reason
 * event    at  type  resource  suspect,suspect,...
 * mark     at  text                                     an annotation (a workload's phases)
 * end      at  reason
 * </pre>
 * Times are milliseconds since the JVM started, as the GC notifications give them.
 * Readers ignore record types and sample columns they do not know, so later versions
 * can add both.
 */
public final class TraceFormat {

	/** The first field of the first line. */
	public static final String MAGIC = "leaks-trace";

	/** The version this code writes. */
	public static final int VERSION = 1;

	/** The sample fields this version writes, in order. */
	public static final List<String> SAMPLE_COLUMNS = List.of("at", "heapUsed", "heapCommitted", "heapMax",
			"metaspaceUsed", "metaspaceMax", "loadedClasses", "liveThreads", "directBytes", "mappedBytes",
			"residentBytes");

	/** Classes a histogram record keeps at most, largest first. */
	public static final int HISTOGRAM_CLASSES = 400;

	/** Classes with fewer instances are left out of histogram records (the long tail of singletons). */
	public static final long HISTOGRAM_MIN_INSTANCES = 16;

	static final char SEPARATOR = '\t';

	private TraceFormat() {
	}

	/**
	 * A field as written: tabs and line breaks cannot appear inside one.
	 * @param value the value
	 * @return the value with tabs and line breaks turned into spaces
	 */
	static String field(String value) {
		if (value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

}
