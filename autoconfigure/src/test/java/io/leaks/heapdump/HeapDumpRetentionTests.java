package io.leaks.heapdump;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention as pure logic: oldest first, never the dump just written.
 */
class HeapDumpRetentionTests {

	@Test
	void shouldDeleteTheOldestBeyondTheCount() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("b", 10), dump("c", 10), dump("d", 10));
		assertThat(HeapDumpRetention.select(dumps, "d", 2, Long.MAX_VALUE)).extracting(HeapDump::name)
			.containsExactly("a", "b");
	}

	@Test
	void shouldDeleteTheOldestBeyondTheTotalSize() {
		List<HeapDump> dumps = List.of(dump("a", 50), dump("b", 30), dump("c", 40));
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 75)).extracting(HeapDump::name).containsExactly("a");
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 70)).extracting(HeapDump::name).containsExactly("a");
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 69)).extracting(HeapDump::name).containsExactly("a", "b");
	}

	@Test
	void shouldNeverDeleteTheDumpJustWrittenEvenIfItAloneIsTooLarge() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("big", 1000));
		assertThat(HeapDumpRetention.select(dumps, "big", 1, 100)).extracting(HeapDump::name).containsExactly("a");
	}

	@Test
	void shouldSkipTheKeptDumpWhereverItIsInTheOrder() {
		List<HeapDump> dumps = List.of(dump("kept", 10), dump("b", 10), dump("c", 10));
		assertThat(HeapDumpRetention.select(dumps, "kept", 1, Long.MAX_VALUE)).extracting(HeapDump::name)
			.containsExactly("b", "c");
	}

	@Test
	void shouldDeleteNothingWithinTheLimits() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("b", 10));
		assertThat(HeapDumpRetention.select(dumps, "b", 2, 20)).isEmpty();
	}

	private static HeapDump dump(String name, long size) {
		return new HeapDump(name, Path.of(name), size, Instant.EPOCH, true, null, false);
	}

}
