package io.leaks.workloads.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.workloads.run.Label;
import io.leaks.workloads.run.Workload;

/**
 * Labels a recorded workload trace and appends its row to {@code labels.csv}:
 * <pre>
 * LabelRow &lt;trace.gz&gt; &lt;labels.csv&gt; &lt;heap as asked&gt; &lt;rate as asked&gt; &lt;settings&gt; &lt;command&gt;
 * </pre>
 * The label is what the scenario did, checked against what the trace shows: a leak whose
 * onset the run never reached is {@code stable}; a leak whose resource did not grow is
 * reported, not labelled a leak.
 */
public final class LabelRow {

	/** The columns of {@code labels.csv}, in order. */
	public static final String HEADER = "file,label,scenario,collector,jdk,heap,duration_s,onset_ms,exhausted_ms,"
			+ "rate,settings,reason,command";

	private LabelRow() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 6) {
			System.err.println("usage: LabelRow <trace.gz> <labels.csv> <heap> <rate> <settings> <command>");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		Trace trace = TraceReader.read(file);
		TraceFacts facts = TraceFacts.of(trace);
		Row row = label(facts);
		String line = csv(List.of(file.getFileName().toString(), row.label().csv(), facts.scenario(),
				facts.collector(), facts.jdk(), heap(args[2], facts.maxHeap()),
				String.format(Locale.ROOT, "%.1f", facts.durationSeconds()), millis(row.onsetMillis()),
				millis(facts.exhaustedMillis()), args[3], args[4], row.reason(), args[5]));
		append(Path.of(args[1]), line);
		System.out.println(line);
		if (!row.doubts().isEmpty()) {
			System.err.println("LabelRow: check " + file.getFileName() + " by eye: " + String.join("; ", row.doubts()));
		}
	}

	/**
	 * A row's judgement.
	 *
	 * @param label the label
	 * @param onsetMillis when the leak started, or -1
	 * @param reason the sentence
	 * @param doubts where the trace disagrees with what the scenario meant to do
	 */
	record Row(Label label, long onsetMillis, String reason, List<String> doubts) {

	}

	static Row label(TraceFacts facts) {
		Workload workload;
		try {
			workload = Workload.of(facts.scenario());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the trace has no scenario mark of a known scenario: " + ex.getMessage(),
					ex);
		}
		List<String> doubts = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		parts.add(facts.description());
		Label label = workload.label();
		long onset = facts.leakStartMillis();
		if (label == Label.LEAK && onset < 0) {
			label = Label.STABLE;
			parts.add("the run ended before the leak's onset, so nothing leaked");
		}
		else if (label == Label.LEAK) {
			parts.add(String.format(Locale.ROOT, "leak from %.0f s after the start", (onset - facts.startMillis()) / 1000.0));
		}
		String heap = facts.heapSentence();
		if (heap != null) {
			parts.add(heap);
		}
		if (workload.resource().equals("metaspace") && facts.metaspaceFirst() >= 0) {
			parts.add(String.format(Locale.ROOT, "metaspace %d -> %d MiB", facts.metaspaceFirst() >> 20,
					facts.metaspaceLast() >> 20));
			if (label == Label.LEAK && facts.metaspaceLast() < facts.metaspaceFirst() + (8 << 20)) {
				doubts.add("metaspace grew less than 8 MiB");
			}
		}
		if (workload.resource().equals("threads") && facts.threadsFirst() >= 0) {
			parts.add(String.format(Locale.ROOT, "live threads %d -> %d", facts.threadsFirst(), facts.threadsLast()));
			if (facts.threadsMost() <= facts.threadsFirst() + 10) {
				doubts.add("threads grew by 10 or fewer");
			}
		}
		if (workload.resource().equals("heap") && label == Label.LEAK && facts.heapFloorFirst() >= 0
				&& facts.heapFloorLast() - facts.heapFloorFirst() < facts.maxHeap() / 50) {
			doubts.add("the heap's floor rose less than 2% of the max heap");
		}
		if (facts.exhaustedMillis() >= 0) {
			parts.add(String.format(Locale.ROOT, "heap exhausted %.0f s after the start",
					(facts.exhaustedMillis() - facts.startMillis()) / 1000.0));
			if (label != Label.LEAK) {
				doubts.add("a healthy scenario exhausted the heap");
			}
		}
		if (facts.leakStopMillis() >= 0) {
			parts.add(String.format(Locale.ROOT, "leak stopped %.0f s after the start",
					(facts.leakStopMillis() - facts.startMillis()) / 1000.0));
		}
		return new Row(label, onset, String.join("; ", parts), doubts);
	}

	private static String heap(String asked, long max) {
		String actual = String.format(Locale.ROOT, "%.0fm", max / (double) (1 << 20));
		return "default".equals(asked) ? "default:" + actual : asked;
	}

	private static String millis(long millis) {
		return (millis >= 0) ? String.valueOf(millis) : "";
	}

	static String csv(List<String> fields) {
		List<String> quoted = new ArrayList<>();
		for (String field : fields) {
			boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0;
			quoted.add(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
		}
		return String.join(",", quoted);
	}

	/**
	 * Appends a row, writing the header first into a new file; locked, since several
	 * recordings end at once.
	 */
	static void append(Path labels, String line) throws IOException {
		Path parent = labels.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (FileChannel channel = FileChannel.open(labels, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
			String text = ((channel.size() == 0) ? HEADER + "\n" : "") + line + "\n";
			channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
		}
	}

}
