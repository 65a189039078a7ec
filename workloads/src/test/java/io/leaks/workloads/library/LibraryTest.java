package io.leaks.workloads.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.leaks.trace.Trace;
import io.leaks.trace.TraceReader;
import io.leaks.workloads.run.Label;
import io.leaks.workloads.run.Workload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed trace library ({@code workloads/traces}) is what its labels say: every row's
 * trace and GC log are there and complete, of the scenario, collector and JDK the row names,
 * and every trace has a row.
 */
class LibraryTest {

	private static final Path LIBRARY = Path.of("traces");

	@Test
	void everyRowShouldDescribeItsTrace() throws IOException {
		List<List<String>> rows = rows();
		assertThat(rows).isNotEmpty();
		Set<String> files = new HashSet<>();
		for (List<String> row : rows) {
			String file = row.get(0);
			assertThat(files.add(file)).as("one row per trace: %s", file).isTrue();
			Path trace = LIBRARY.resolve(file);
			assertThat(LIBRARY.resolve(file.replace(".trace.gz", ".gc.log.gz"))).as(file).isRegularFile();
			Trace read = TraceReader.read(trace);
			assertThat(read.end()).as("%s ended by closing", file).isEqualTo("closed");
			TraceFacts facts = TraceFacts.of(read);
			Workload workload = Workload.of(row.get(2));
			assertThat(facts.scenario()).as(file).isEqualTo(workload.id());
			assertThat(facts.collector()).as(file).isEqualTo(row.get(3));
			assertThat(facts.jdk()).as(file).isEqualTo(row.get(4));
			List<String> marks = read.marks().stream().map(Trace.Mark::text).toList();
			assertThat(marks).as(file).contains("start", "end");
			Label label = Label.valueOf(row.get(1).toUpperCase(Locale.ROOT));
			if (label == Label.LEAK) {
				assertThat(workload.label()).as(file).isEqualTo(Label.LEAK);
				assertThat(row.get(7)).as("%s has its onset", file).isEqualTo(String.valueOf(facts.leakStartMillis()));
			}
			else {
				assertThat(row.get(7)).as(file).isEmpty();
			}
			assertThat(row.get(8)).as(file)
				.isEqualTo((facts.exhaustedMillis() >= 0) ? String.valueOf(facts.exhaustedMillis()) : "");
		}
		try (var listing = Files.list(LIBRARY)) {
			List<String> traces = listing.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".trace.gz"))
				.toList();
			assertThat(files).containsAll(traces.stream().filter(this::committed).toList());
		}
	}

	/** A trace still being recorded in a working copy has no row yet, and no GC log. */
	private boolean committed(String trace) {
		return Files.isRegularFile(LIBRARY.resolve(trace.replace(".trace.gz", ".gc.log.gz")));
	}

	private static List<List<String>> rows() throws IOException {
		List<String> lines = Files.readAllLines(LIBRARY.resolve("labels.csv"));
		assertThat(lines.get(0)).isEqualTo(LabelRow.HEADER);
		List<List<String>> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> fields = fields(line);
			assertThat(fields).as(line).hasSize(13);
			rows.add(fields);
		}
		return rows;
	}

	/** The fields of a CSV line as {@link LabelRow#csv} writes them. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
