package io.leaks.heapdump;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.ForcedCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic dump on a suspected leak: a real live dump, named in the note, at most
 * once per interval, and never an exception for the trend analyzer.
 */
class HeapDumpOnSuspicionTests {

	@TempDir
	Path directory;

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final ForcedCollections forced = new ForcedCollections();

	@Test
	void aSuspicionShouldWriteALiveDumpAndNoteItsName() {
		HeapDumps heapDumps = heapDumps(0);
		String note = new HeapDumpOnSuspicion(heapDumps, Duration.ofHours(1), this.clock).onSuspicion("heap");
		assertThat(heapDumps.list()).singleElement().satisfies((dump) -> {
			assertThat(note).isEqualTo("heap dump " + dump.name());
			assertThat(dump.name()).contains("-auto-live-suspected-heap");
			assertThat(dump.automatic()).isTrue();
			assertThat(dump.live()).isTrue();
			assertThat(dump.label()).isEqualTo("suspected-heap");
		});
		assertThat(this.forced.count(ForcedCollections.Reason.AUTOMATIC_DUMP)).as("the starter's own").isEqualTo(1);
		assertThat(this.forced.ownWithin(Duration.ofHours(1).toMillis(),
				ManagementFactory.getRuntimeMXBean().getUptime())).as("within the budget's period").isEqualTo(1);
		assertThat(this.forced.count(ForcedCollections.Reason.DUMP)).isZero();
	}

	@Test
	void suspicionsWithinTheIntervalShouldNotDumpAgain() {
		HeapDumps heapDumps = heapDumps(0);
		HeapDumpOnSuspicion action = new HeapDumpOnSuspicion(heapDumps, Duration.ofHours(1), this.clock);
		assertThat(action.onSuspicion("heap")).isNotNull();
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(action.onSuspicion("metaspace")).isNull();
		assertThat(heapDumps.list()).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(action.onSuspicion("metaspace")).contains("suspected-metaspace");
		assertThat(heapDumps.list()).hasSize(2);
	}

	@Test
	void automaticDumpsShouldNeverDeleteDumpsTakenOnRequestAndShouldNoteWhatTheyDeleted() {
		HeapDumps heapDumps = new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				new HeapDumpRepository(this.directory), new HeapDumps.Settings(2, Long.MAX_VALUE, false, 0, false),
				new CollectionGuard(Duration.ZERO));
		String first = heapDumps.dump("first", false).dump().name();
		String beforeFix = heapDumps.dump("before_fix", false).dump().name();
		HeapDumpOnSuspicion action = new HeapDumpOnSuspicion(heapDumps, Duration.ofHours(1), this.clock);
		String firstNote = action.onSuspicion("heap");
		assertThat(heapDumps.list()).extracting(HeapDump::name).hasSize(3).contains(first, beforeFix);
		assertThat(firstNote).doesNotContain("deleted");
		this.clock.advance(Duration.ofHours(1));
		String secondNote = action.onSuspicion("metaspace");
		List<HeapDump> kept = heapDumps.list();
		assertThat(kept).extracting(HeapDump::name).hasSize(3).contains(first, beforeFix);
		String firstAutomatic = firstNote.substring("heap dump ".length());
		assertThat(kept).extracting(HeapDump::name).doesNotContain(firstAutomatic);
		assertThat(secondNote).startsWith("heap dump ")
			.endsWith("(older automatic dumps deleted to stay within the limits: " + firstAutomatic + ")");
	}

	@Test
	void aRefusedDumpShouldBeNotedAsNothingDoneAndStillCountForTheInterval() {
		HeapDumps full = heapDumps(Long.MAX_VALUE);
		HeapDumpOnSuspicion action = new HeapDumpOnSuspicion(full, Duration.ofHours(1), this.clock);
		assertThat(action.onSuspicion("heap")).isNull();
		assertThat(full.list()).isEmpty();
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(action.onSuspicion("heap")).isNull();
	}

	private HeapDumps heapDumps(long freeSpaceMargin) {
		return new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				new HeapDumpRepository(this.directory),
				new HeapDumps.Settings(5, Long.MAX_VALUE, false, freeSpaceMargin, false),
				new CollectionGuard(Duration.ZERO, this.forced));
	}

	static final class SteppingClock extends Clock {

		private Instant now;

		SteppingClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
