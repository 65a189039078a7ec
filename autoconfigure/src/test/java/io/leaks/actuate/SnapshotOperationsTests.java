package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.HeldGuard;
import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.DiagnosticCommandHistogramSampler;
import io.leaks.histogram.DiffSort;
import io.leaks.histogram.HistogramDiff;
import io.leaks.histogram.HistogramEntry;
import io.leaks.histogram.HistogramSampler;
import io.leaks.histogram.HistogramUnavailableException;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The snapshot operations without HTTP: against the real JVM where the JVM's answer does
 * not matter, against histograms whose truth is known where it does.
 */
class SnapshotOperationsTests {

	private final CollectionGuard guard = new CollectionGuard(Duration.ZERO);

	@Test
	void takeShouldStoreALiveSnapshotOfTheRealJvmAndListIt() {
		SnapshotOperations operations = operations(new DiagnosticCommandHistogramSampler(
				ManagementFactory.getPlatformMBeanServer()), 10);
		SnapshotSummary taken = operations.take("real", true);
		assertThat(taken.label()).isEqualTo("real");
		assertThat(taken.liveOnly()).isTrue();
		assertThat(taken.classCount()).isGreaterThan(100);
		assertThat(operations.list().snapshots()).extracting(SnapshotSummary::label).containsExactly("real");
		assertThat(operations.labels()).containsExactly("real");
		SnapshotDetail detail = operations.detail("real", 3);
		assertThat(detail.classes()).hasSize(3);
		assertThat(detail.classes().get(0).bytes()).isGreaterThanOrEqualTo(detail.classes().get(2).bytes());
	}

	@Test
	void theStartersOwnObjectsShouldNeverRankInADiff() {
		Snapshots snapshots = new Snapshots(new DiagnosticCommandHistogramSampler(
				ManagementFactory.getPlatformMBeanServer()), new SnapshotStore(10), this.guard, Clock.systemUTC());
		SnapshotOperations operations = new SnapshotOperations(snapshots);
		operations.take("first", false);
		List<Held> held = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			held.add(new Held(i));
		}
		operations.take("second", false);
		// The second histogram counts the first snapshot's thousands of entries, which the store keeps.
		assertThat(HistogramDiff.between(snapshots.store().get("first").orElseThrow().histogram(),
				snapshots.store().get("second").orElseThrow().histogram())
			.top(DiffSort.INSTANCES, 10_000, false))
			.anySatisfy((row) -> {
				assertThat(row.className()).isEqualTo(HistogramEntry.class.getName());
				assertThat(row.instancesDelta()).isGreaterThan(500);
			});
		Comparison comparison = operations.compare(new CompareRequest("first", "second", 10_000,
				DiffSort.INSTANCES, true, null));
		assertThat(comparison.rows()).extracting(Comparison.Row::className)
			.noneMatch((name) -> name.startsWith("io.leaks.histogram."))
			.contains(Held.class.getName());
		assertThat(held).hasSize(500);
	}

	@Test
	void takeBeyondMaxCountShouldNameWhatItEvicted() {
		SnapshotOperations operations = operations(steps(), 2);
		operations.take("one", false);
		operations.take("two", false);
		assertThat(operations.take("three", false).evicted()).containsExactly("one");
		assertThat(operations.list().maxCount()).isEqualTo(2);
	}

	@Test
	void takeShouldRefuseBadAndTakenLabels() {
		SnapshotOperations operations = operations(steps(), 10);
		assertRefused(() -> operations.take(null, true), 400, "label is required");
		assertRefused(() -> operations.take("a/b", true), 400, "label");
		assertRefused(() -> operations.take("now", true), 400, "reserved");
		operations.take("twice", false);
		assertRefused(() -> operations.take("twice", false), 409, "already exists");
	}

	@Test
	void takeWhileAnotherHeapOperationRunsShouldBe429() throws Exception {
		SnapshotOperations operations = operations(steps(), 10);
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			assertRefused(() -> operations.take("busy", false), 429, "one at a time");
		}
		assertThat(operations.labels()).isEmpty();
	}

	@Test
	void aJvmThatCannotTakeHistogramsShouldBe503() {
		SnapshotOperations operations = operations((liveOnly) -> {
			throw new HistogramUnavailableException("GC.class_histogram answered something that is not a class "
					+ "histogram ('disabled')");
		}, 10);
		assertRefused(() -> operations.take("x", true), 503, "not a class histogram");
		assertThat(operations.labels()).isEmpty();
	}

	@Test
	void deleteShouldForgetTheSnapshotAndUnknownLabelsShouldListTheKnownOnes() {
		SnapshotOperations operations = operations(steps(), 10);
		assertRefused(() -> operations.delete("none"), 404, "None taken yet");
		operations.take("kept", false);
		operations.take("gone", false);
		assertThat(operations.delete("gone").deleted()).isEqualTo("gone");
		assertRefused(() -> operations.detail("gone", 5), 404, "Known labels: kept");
	}

	@Test
	void compareShouldRankTheGrowthOfKnownHistograms() {
		SnapshotOperations operations = operations(steps(), 10);
		operations.take("before", true);
		operations.take("after", true);
		Comparison byInstances = operations.compare(request("before", "after", DiffSort.INSTANCES, false, null));
		assertThat(byInstances.rows()).extracting(Comparison.Row::className)
			.containsExactly("com.example.Listener", "[B");
		assertThat(byInstances.rows().get(0).instancesDelta()).isEqualTo(1000);
		assertThat(byInstances.warnings()).isEmpty();
		Comparison byBytes = operations.compare(request("before", "after", DiffSort.BYTES, false, null));
		assertThat(byBytes.rows()).extracting(Comparison.Row::className).startsWith("[B");
		assertThat(operations.compare(request("before", "after", DiffSort.BYTES, true, null)).rows())
			.extracting(Comparison.Row::className)
			.containsExactly("com.example.Listener");
		assertThat(operations.compare(request("before", "after", DiffSort.BYTES, false, "LISTENER")).rows())
			.extracting(Comparison.Row::className)
			.containsExactly("com.example.Listener");
	}

	@Test
	void compareWithoutLabelsShouldTakeTheLatestAndTheOneBefore() {
		SnapshotOperations operations = operations(steps(), 10);
		assertRefused(() -> operations.compare(request(null, null, DiffSort.BYTES, false, null)), 400,
				"No snapshots yet");
		operations.take("one", false);
		assertRefused(() -> operations.compare(request(null, null, DiffSort.BYTES, false, null)), 400,
				"No snapshot was taken before 'one'");
		operations.take("two", false);
		Comparison comparison = operations.compare(request(null, null, DiffSort.BYTES, false, null));
		assertThat(comparison.from()).isEqualTo("one");
		assertThat(comparison.to()).isEqualTo("two");
		assertThat(comparison.warnings()).singleElement().asString().contains("liveOnly=false");
	}

	@Test
	void compareShouldRefuseASnapshotWithItselfAndWarnAboutMixedModesAndOrder() {
		SnapshotOperations operations = operations(steps(), 10);
		operations.take("live", true);
		operations.take("all", false);
		assertRefused(() -> operations.compare(request("live", "live", DiffSort.BYTES, false, null)), 400,
				"two different");
		Comparison reversed = operations.compare(request("all", "live", DiffSort.BYTES, false, null));
		assertThat(reversed.warnings()).anySatisfy((warning) -> assertThat(warning).contains("garbage"))
			.anySatisfy((warning) -> assertThat(warning).contains("negative deltas mean growth"));
	}

	@Test
	void compareWithNowShouldTakeAFreshUnstoredHistogramInTheModeOfFrom() {
		SnapshotOperations operations = operations(steps(), 10);
		operations.take("baseline", false);
		Comparison now = operations.compareWithNow(request("baseline", "now", DiffSort.INSTANCES, true, null));
		assertThat(now.to()).isEqualTo("now");
		assertThat(now.rows()).singleElement()
			.satisfies((row) -> assertThat(row.instancesDelta()).isEqualTo(1000));
		assertThat(now.warnings()).singleElement().asString().contains("liveOnly=false");
		assertThat(operations.labels()).containsExactly("baseline");
		assertThat(operations.compareWithNow(request(null, "now", DiffSort.BYTES, false, null)).from())
			.as("from defaults to the latest").isEqualTo("baseline");
	}

	@Test
	void compareWithNowNamingAStoredSnapshotShouldCompareTheStoredOnes() {
		SnapshotOperations operations = operations(steps(), 10);
		operations.take("one", false);
		operations.take("two", false);
		Comparison stored = operations.compareWithNow(request("one", "two", DiffSort.BYTES, false, null));
		assertThat(stored.to()).isEqualTo("two");
		assertRefused(() -> operations.compareWithNow(request("none", "now", DiffSort.BYTES, false, null)), 404,
				"No snapshot labelled 'none'");
	}

	@Test
	void compareWithNowWithoutAnySnapshotShouldSayWhatToDo() {
		SnapshotOperations operations = operations(steps(), 10);
		assertRefused(() -> operations.compareWithNow(request(null, "now", DiffSort.BYTES, false, null)), 400,
				"take one with POST /actuator/leaks/snapshots");
	}

	@Test
	void aReadComparingWithNowShouldBe405NamingThePostWithoutTouchingTheHeap() {
		AtomicInteger histograms = new AtomicInteger();
		SnapshotOperations operations = operations((liveOnly) -> {
			histograms.incrementAndGet();
			return new ClassHistogram(List.of());
		}, 10);
		operations.take("stored", true);
		assertThatExceptionOfType(LeaksOperationException.class)
			.isThrownBy(() -> operations.compare(request("stored", "NOW", DiffSort.BYTES, false, null)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(405);
				assertThat(ex.allow()).containsExactly("POST");
			})
			.withMessageContaining("POST /actuator/leaks/compare with {\"from\": \"<label>\", \"to\": \"now\"}");
		assertThat(histograms).hasValue(1);
	}

	private static CompareRequest request(String from, String to, DiffSort sort, boolean excludeJdk, String filter) {
		return new CompareRequest(from, to, 20, sort, excludeJdk, filter);
	}

	private SnapshotOperations operations(HistogramSampler sampler, int maxCount) {
		return new SnapshotOperations(new Snapshots(sampler, new SnapshotStore(maxCount), this.guard,
				Clock.systemUTC()));
	}

	/**
	 * A heap where every histogram has 1,000 more listeners and 500 more arrays of 2 KB, and
	 * a class that never changes.
	 */
	private static HistogramSampler steps() {
		AtomicInteger step = new AtomicInteger();
		return (liveOnly) -> {
			int n = step.getAndIncrement();
			List<HistogramEntry> entries = new ArrayList<>();
			entries.add(new HistogramEntry("[B", "java.base@17", 1000 + n * 500L, 1_000_000 + n * 1_024_000L));
			entries.add(new HistogramEntry("com.example.Listener", null, n * 1000L, n * 32_000L));
			entries.add(new HistogramEntry("com.example.Stable", null, 10, 320));
			return new ClassHistogram(entries);
		};
	}

	record Held(int id) {
	}

	static void assertRefused(Runnable operation, int status, String messagePart) {
		assertThatExceptionOfType(LeaksOperationException.class).isThrownBy(operation::run)
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status))
			.withMessageContaining(messagePart);
	}

}
