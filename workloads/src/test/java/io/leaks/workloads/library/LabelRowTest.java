package io.leaks.workloads.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.leaks.workloads.run.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LabelRowTest {

	private static final long MIB = 1 << 20;

	@Test
	void leakWhoseOnsetTheRunNeverReachedShouldBeStable() {
		LabelRow.Row row = LabelRow.label(facts("late-onset-leak", -1, -1, 40 * MIB, 42 * MIB));
		assertThat(row.label()).isEqualTo(Label.STABLE);
		assertThat(row.onsetMillis()).isEqualTo(-1);
		assertThat(row.reason()).contains("the run ended before the leak's onset, so nothing leaked");
		assertThat(row.doubts()).isEmpty();
	}

	@Test
	void leakShouldBeLabelledWithItsOnsetAndFloors() {
		LabelRow.Row row = LabelRow.label(facts("listener-leak", 12_000, -1, 40 * MIB, 180 * MIB));
		assertThat(row.label()).isEqualTo(Label.LEAK);
		assertThat(row.onsetMillis()).isEqualTo(12_000);
		assertThat(row.reason()).contains("leak from 2 s after the start",
				"lowest heap after a collection 40 MiB in the first 180 s, 180 MiB in the last 180 s, of 256 MiB");
		assertThat(row.doubts()).isEmpty();
	}

	@Test
	void leakWhoseHeapDidNotGrowShouldBeDoubted() {
		LabelRow.Row row = LabelRow.label(facts("cache-leak", 10_000, -1, 40 * MIB, 41 * MIB));
		assertThat(row.label()).isEqualTo(Label.LEAK);
		assertThat(row.doubts()).containsExactly("the heap's floor rose less than 2% of the max heap");
	}

	@Test
	void healthyScenarioThatExhaustedTheHeapShouldBeDoubted() {
		TraceFacts exhausted = new TraceFacts("bounded-cache", "a cache", "G1", "17", 256 * MIB, 10_000, 2_710_000, -1,
				-1, 900_000, 40 * MIB, 240 * MIB, 50 * MIB, 50 * MIB, 30, 30, 30);
		LabelRow.Row row = LabelRow.label(exhausted);
		assertThat(row.label()).isEqualTo(Label.WARMUP);
		assertThat(row.doubts()).containsExactly("a healthy scenario exhausted the heap");
	}

	@Test
	void csvShouldQuoteFieldsWithCommasAndQuotes() {
		assertThat(LabelRow.csv(List.of("a", "b,c", "say \"x\""))).isEqualTo("a,\"b,c\",\"say \"\"x\"\"\"");
	}

	@Test
	void appendShouldWriteTheHeaderOnce(@TempDir Path directory) throws Exception {
		Path labels = directory.resolve("nested/labels.csv");
		LabelRow.append(labels, "one");
		LabelRow.append(labels, "two");
		assertThat(Files.readAllLines(labels)).containsExactly(LabelRow.HEADER, "one", "two");
	}

	private static TraceFacts facts(String scenario, long leakStart, long exhausted, long floorFirst, long floorLast) {
		return new TraceFacts(scenario, "what it did", "G1", "17.0.15", 256 * MIB, 10_000, 2_710_000, leakStart, -1,
				exhausted, floorFirst, floorLast, 50 * MIB, 51 * MIB, 30, 31, 31);
	}

}
