package io.leaks.heapdump;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention as pure logic: oldest first, never the dump just written, and an automatic
 * dump never costs one taken on request.
 */
class HeapDumpRetentionTests {

	@Test
	void shouldDeleteTheOldestBeyondTheCount() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("b", 10), dump("c", 10), dump("d", 10));
		assertThat(HeapDumpRetention.select(dumps, "d", 2, Long.MAX_VALUE, false)).extracting(HeapDump::name)
			.containsExactly("a", "b");
	}

	@Test
	void shouldDeleteTheOldestBeyondTheTotalSize() {
		List<HeapDump> dumps = List.of(dump("a", 50), dump("b", 30), dump("c", 40));
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 75, false)).extracting(HeapDump::name).containsExactly("a");
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 70, false)).extracting(HeapDump::name).containsExactly("a");
		assertThat(HeapDumpRetention.select(dumps, "c", 10, 69, false)).extracting(HeapDump::name)
			.containsExactly("a", "b");
	}

	@Test
	void shouldNeverDeleteTheDumpJustWrittenEvenIfItAloneIsTooLarge() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("big", 1000));
		assertThat(HeapDumpRetention.select(dumps, "big", 1, 100, false)).extracting(HeapDump::name)
			.containsExactly("a");
	}

	@Test
	void shouldSkipTheKeptDumpWhereverItIsInTheOrder() {
		List<HeapDump> dumps = List.of(dump("kept", 10), dump("b", 10), dump("c", 10));
		assertThat(HeapDumpRetention.select(dumps, "kept", 1, Long.MAX_VALUE, false)).extracting(HeapDump::name)
			.containsExactly("b", "c");
	}

	@Test
	void shouldDeleteNothingWithinTheLimits() {
		List<HeapDump> dumps = List.of(dump("a", 10), dump("b", 10));
		assertThat(HeapDumpRetention.select(dumps, "b", 2, 20, false)).isEmpty();
	}

	@Test
	void anAutomaticDumpShouldOnlyEverDeleteOlderAutomaticDumps() {
		List<HeapDump> dumps = List.of(dump("manual", 10), automatic("auto1", 10), dump("before_fix", 10),
				automatic("auto2", 10), automatic("new", 10));
		assertThat(HeapDumpRetention.select(dumps, "new", 2, Long.MAX_VALUE, true)).extracting(HeapDump::name)
			.containsExactly("auto1", "auto2");
		assertThat(HeapDumpRetention.select(dumps, "new", 4, 35, true)).extracting(HeapDump::name)
			.containsExactly("auto1", "auto2");
	}

	@Test
	void aDumpOnRequestShouldDeleteTheOldestOfAnyKind() {
		List<HeapDump> dumps = List.of(automatic("auto1", 10), dump("manual", 10), dump("new", 10));
		assertThat(HeapDumpRetention.select(dumps, "new", 1, Long.MAX_VALUE, false)).extracting(HeapDump::name)
			.containsExactly("auto1", "manual");
	}

	private static HeapDump dump(String name, long size) {
		return new HeapDump(name, Path.of(name), size, Instant.EPOCH, false, true, null, false);
	}

	private static HeapDump automatic(String name, long size) {
		return new HeapDump(name, Path.of(name), size, Instant.EPOCH, true, true, null, false);
	}

}
