package io.leaks.allocation;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.example.orders.OrderLedger;
import io.leaks.gc.CollectionGuard;
import io.leaks.gc.HeldGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Real JFR recordings of this test JVM, while {@link OrderLedger} allocates and keeps some
 * of what it allocates.
 */
class AllocationRecordingsTests {

	private static final AllocationRecordings.Settings SETTINGS = new AllocationRecordings.Settings(
			Duration.ofSeconds(60), Duration.ofMinutes(10), 300, Duration.ofSeconds(1), false, 10, 10, 10, 2, List.of());

	private static final String RECORD_SITE = "com.example.orders.OrderLedger.record:";

	private final CollectionGuard guard = new CollectionGuard(Duration.ZERO);

	private AllocationRecordings recordings = new AllocationRecordings(new JfrAllocationRecorder(), null, SETTINGS,
			this.guard, Clock.systemUTC());

	@AfterEach
	void close() {
		this.recordings.close();
		OrderLedger.clear();
	}

	@ParameterizedTest(name = "old-object stack traces: {0}")
	@ValueSource(booleans = { false, true })
	void recordingShouldNameTheAllocatingMethodAndWhatKeepsItsObjects(boolean oldObjectStackTraces)
			throws InterruptedException {
		this.recordings.close();
		this.recordings = new AllocationRecordings(new JfrAllocationRecorder(), null,
				new AllocationRecordings.Settings(SETTINGS.defaultDuration(), SETTINGS.maxDuration(), 300,
						Duration.ofSeconds(1), oldObjectStackTraces, 10, 10, 10, 2, List.of()),
				this.guard, Clock.systemUTC());
		AllocationRecording started = this.recordings
			.start(new RecordingRequest(Duration.ofSeconds(2), List.of("[B"), true));
		assertThat(started.status()).isEqualTo(RecordingStatus.RUNNING);
		assertThat(started.endsAt()).isEqualTo(started.startedAt().plusSeconds(2));
		assertThat(started.report().oldObjects()).isEqualTo(OldObjectStatus.PENDING);
		OrderLedger.recordFor(1500);
		AllocationRecording done = awaitEnd(started.id());
		assertThat(done.status()).isEqualTo(RecordingStatus.DONE);
		assertThat(done.finishedAt()).isAfterOrEqualTo(done.endsAt());
		AllocationReport report = done.report();
		assertThat(report.classes()).hasSize(1);
		ClassAllocations bytes = report.classes().get(0).allocations();
		assertThat(bytes.className()).isEqualTo("byte[]");
		assertThat(bytes.sites()).isNotEmpty();
		AllocationSite top = bytes.sites().get(0);
		assertThat(top.site()).startsWith(RECORD_SITE);
		assertThat(top.applicationFrame()).isTrue();
		assertThat(top.stack()).element(1).asString().startsWith("com.example.orders.OrderLedger.recordFor:");
		// Over a second and a half, sampled bytes estimate hundreds of MB allocated there.
		assertThat(top.sampledBytes()).isGreaterThan(50L * 1024 * 1024);
		assertThat(report.totals().samples()).isGreaterThanOrEqualTo(bytes.samples());
		assertThat(report.oldObjects()).isEqualTo(OldObjectStatus.RECORDED);
		assertThat(report.findings().samples()).isPositive();
		assertThat(report.findings().sampledClasses()).extracting(ClassCount::className).contains("byte[]");
		assertThat(report.classes().get(0).chains()).anySatisfy((chain) -> {
			assertThat(chain.objectClass()).isEqualTo("byte[]");
			assertThat(chain.root()).isNotNull();
			if (oldObjectStackTraces) {
				assertThat(chain.allocationSite()).startsWith(RECORD_SITE);
			}
			else {
				assertThat(chain.allocationSite()).isNull();
			}
			assertThat(chain.path()).anySatisfy((step) -> {
				assertThat(step.className()).isEqualTo("java.lang.Class");
				assertThat(step.reference()).isEqualTo("KEPT");
				assertThat(step.description()).contains("com.example.orders.OrderLedger");
			});
			assertThat(chain.path().get(chain.path().size() - 1).className()).isEqualTo("byte[]");
		});
	}

	@Test
	void recordingsShouldRunOneAtATime() {
		AllocationRecording first = this.recordings
			.start(new RecordingRequest(Duration.ofMinutes(1), List.of(), false));
		assertThatExceptionOfType(AllocationException.class)
			.isThrownBy(() -> this.recordings.start(new RecordingRequest(Duration.ofSeconds(5), List.of(), false)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AllocationException.Reason.BUSY))
			.withMessageContaining("Recording " + first.id() + " is running until");
		AllocationRecording stopped = this.recordings.delete(first.id());
		assertThat(stopped.status()).isEqualTo(RecordingStatus.FAILED);
		assertThat(stopped.failure()).contains("DELETE");
		assertThat(this.recordings.list()).isEmpty();
		AllocationRecording second = this.recordings
			.start(new RecordingRequest(Duration.ofSeconds(5), List.of(), false));
		assertThat(second.id()).isNotEqualTo(first.id());
	}

	@Test
	void badRequestsShouldBeRefusedBeforeAnythingStarts() {
		assertInvalid(new RecordingRequest(Duration.ofMillis(999), List.of(), true), "from 1s to 10m");
		assertInvalid(new RecordingRequest(Duration.ofMinutes(10).plusSeconds(1), List.of(), true),
				"was 601s");
		assertInvalid(new RecordingRequest(Duration.ofSeconds(-5), List.of(), true), "from 1s to 10m");
		assertInvalid(new RecordingRequest(Duration.ofSeconds(5), List.of("../etc/passwd"), true),
				"is not a class name");
		assertInvalid(new RecordingRequest(Duration.ofSeconds(5), List.of(""), true), "empty");
		assertInvalid(new RecordingRequest(Duration.ofSeconds(5), Collections.nCopies(51, "byte[]"), true),
				"at most 50");
		assertThat(this.recordings.list()).isEmpty();
		assertThatExceptionOfType(AllocationException.class).isThrownBy(() -> this.recordings.get("7"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AllocationException.Reason.NOT_FOUND))
			.withMessageContaining("None yet");
	}

	@Test
	void oldObjectsUnderAnUnsupportedCollectorShouldBeRefusedButAllocationSitesRecorded() {
		this.recordings.close();
		this.recordings = new AllocationRecordings(new JfrAllocationRecorder(), "ZGC", SETTINGS, this.guard,
				Clock.systemUTC());
		assertThatExceptionOfType(AllocationException.class)
			.isThrownBy(() -> this.recordings.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), true)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AllocationException.Reason.UNAVAILABLE))
			.withMessageContaining("unavailable under ZGC")
			.withMessageContaining("\"oldObjects\": false");
		AllocationRecording started = this.recordings
			.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), false));
		AllocationRecording done = awaitEnd(started.id());
		assertThat(done.status()).isEqualTo(RecordingStatus.DONE);
		assertThat(done.report().oldObjects()).isEqualTo(OldObjectStatus.OFF);
		assertThat(done.report().findings()).isEqualTo(ChainTally.Findings.NONE);
	}

	@Test
	void pathSearchShouldWaitForAnotherHeapOperationToFinish() throws InterruptedException {
		AllocationRecording started;
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			started = this.recordings.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), true));
			// Past its 1 s duration, it keeps running while another heap operation holds the guard.
			await().during(Duration.ofMillis(2500))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.recordings.get(started.id()).status())
					.isEqualTo(RecordingStatus.RUNNING));
		}
		AllocationRecording done = awaitEnd(started.id());
		assertThat(done.status()).isEqualTo(RecordingStatus.DONE);
		assertThat(done.report().oldObjects()).isEqualTo(OldObjectStatus.RECORDED);
	}

	@Test
	void pathSearchShouldBeSkippedWhenAnotherHeapOperationOutlastsThePatience() throws InterruptedException {
		this.recordings.close();
		this.recordings = new AllocationRecordings(new JfrAllocationRecorder(), null, SETTINGS, this.guard,
				Clock.systemUTC(), () -> 0, Duration.ofSeconds(1));
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			AllocationRecording started = this.recordings
				.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), true));
			AllocationRecording done = awaitEnd(started.id());
			assertThat(done.status()).isEqualTo(RecordingStatus.DONE);
			assertThat(done.report().oldObjects()).isEqualTo(OldObjectStatus.SKIPPED);
			assertThat(done.report().oldObjectsReason()).contains("Another heap operation");
		}
	}

	/**
	 * Whether a collection runs cannot be steered in a real JVM, so a recorder that samples
	 * nothing stands in for JFR here.
	 */
	@Test
	void noOldObjectsWithoutACollectionShouldSaySo() {
		this.recordings.close();
		AtomicLong collections = new AtomicLong(40);
		this.recordings = new AllocationRecordings(new SilentRecorder(), null, SETTINGS, this.guard, Clock.systemUTC(),
				collections::get);
		String quiet = this.recordings.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), true)).id();
		AllocationRecording done = awaitEnd(quiet);
		assertThat(done.report().collections()).isZero();
		assertThat(done.report().oldObjects()).isEqualTo(OldObjectStatus.RECORDED);
		assertThat(done.report().oldObjectsReason()).contains("No garbage collection ran during the recording");
		String busy = this.recordings.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), true)).id();
		collections.addAndGet(3);
		assertThat(this.recordings.get(busy).report().collections()).isEqualTo(3);
		done = awaitEnd(busy);
		collections.addAndGet(10);
		assertThat(done.report().collections()).isEqualTo(3);
		assertThat(this.recordings.get(busy).report().collections()).isEqualTo(3);
		assertThat(done.report().oldObjectsReason()).isNull();
	}

	@Test
	void onlyTheLastFinishedRecordingsShouldBeKept() {
		for (int i = 0; i < 3; i++) {
			awaitEnd(this.recordings.start(new RecordingRequest(Duration.ofSeconds(1), List.of(), false)).id());
		}
		assertThat(this.recordings.list()).extracting(AllocationRecording::id).containsExactly("2", "3");
		assertThatExceptionOfType(AllocationException.class).isThrownBy(() -> this.recordings.get("1"))
			.withMessageContaining("Kept: 2, 3");
	}

	@Test
	void closeShouldStopTheRunningRecording() {
		AllocationRecording started = this.recordings
			.start(new RecordingRequest(Duration.ofMinutes(1), List.of(), true));
		this.recordings.close();
		AllocationRecording closed = this.recordings.get(started.id());
		assertThat(closed.status()).isEqualTo(RecordingStatus.FAILED);
		assertThat(closed.failure()).contains("shut down");
	}

	private static final class SilentRecorder implements AllocationRecorder {

		@Override
		public String unavailableReason() {
			return null;
		}

		@Override
		public Session start(Plan plan, Consumer<AllocationSample> allocations) {
			return new Session() {

				@Override
				public void finish(Consumer<RetainedObject> retained) {
				}

				@Override
				public void abort() {
				}

			};
		}

	}

	private void assertInvalid(RecordingRequest request, String message) {
		assertThatExceptionOfType(AllocationException.class).isThrownBy(() -> this.recordings.start(request))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AllocationException.Reason.INVALID))
			.withMessageContaining(message);
	}

	private AllocationRecording awaitEnd(String id) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.recordings.get(id), (recording) -> recording.status() != RecordingStatus.RUNNING);
	}

}
