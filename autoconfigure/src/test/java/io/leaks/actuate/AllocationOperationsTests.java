package io.leaks.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.JfrAllocationRecorder;
import io.leaks.gc.CollectionGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The operations on real JFR recordings of this JVM: parsing, refusals and their statuses.
 */
class AllocationOperationsTests {

	private static final AllocationRecordings.Settings SETTINGS = new AllocationRecordings.Settings(
			Duration.ofSeconds(30), Duration.ofMinutes(10), 300, Duration.ofSeconds(1), false, 10, 10, 10, 10, List.of());

	private AllocationRecordings recordings = recordings(null);

	private AllocationOperations operations = new AllocationOperations(this.recordings);

	@AfterEach
	void close() {
		this.recordings.close();
	}

	@Test
	void startShouldParseTheRequestAndAnswerTheRunningRecording() {
		AllocationRecordingResponse started = this.operations.start("2m", "[B, com.example.orders.OrderLedger,,", false);
		assertThat(started.status()).isEqualTo("RUNNING");
		assertThat(started.durationMillis()).isEqualTo(120_000);
		assertThat(started.requestedClasses()).containsExactly("byte[]", "com.example.orders.OrderLedger");
		assertThat(started.classes()).extracting(AllocationRecordingResponse.ClassBody::className)
			.containsExactly("byte[]", "com.example.orders.OrderLedger");
		assertThat(started.oldObjects().status()).isEqualTo("OFF");
		assertThat(started.sampling().samplesPerSecond()).isEqualTo(300);
		assertThat(started.sampling().note()).contains("at most 300 per second");
		AllocationList list = this.operations.list();
		assertThat(list.running()).isEqualTo(started.id());
		assertThat(list.recordings()).singleElement()
			.satisfies((summary) -> assertThat(summary.status()).isEqualTo("RUNNING"));
		assertRefused(() -> this.operations.start("10s", null, true), 429, "is running until");
		Deleted deleted = this.operations.delete(started.id());
		assertThat(deleted.message()).contains("stopped (without results) and deleted");
		assertThat(this.operations.list().running()).isNull();
	}

	@Test
	void startWithoutDurationShouldUseTheDefault() {
		assertThat(this.operations.start(null, null, true).durationMillis()).isEqualTo(30_000);
		assertThat(this.operations.detail("1").oldObjects().status()).isEqualTo("PENDING");
	}

	@Test
	void badDurationsShouldBeRefusedWithHowToFixThem() {
		assertRefused(() -> this.operations.start("60", null, true), 400, "duration needs a unit: \"60s\"");
		assertRefused(() -> this.operations.start("soon", null, true), 400, "such as 60s, 2m or PT1M");
		assertRefused(() -> this.operations.start("500ms", null, true), 400, "from 1s to 10m");
		assertRefused(() -> this.operations.start("11m", null, true), 400, "was 11m");
		assertRefused(() -> this.operations.start("-5s", null, true), 400, "from 1s to 10m");
		assertRefused(() -> this.operations.start("5s", "com.example.Foo;rm", true), 400, "is not a class name");
		assertThat(this.operations.list().recordings()).isEmpty();
	}

	@Test
	void unknownRecordingsShouldBeNotFound() {
		assertRefused(() -> this.operations.detail("42"), 404, "No allocation recording '42'");
		assertRefused(() -> this.operations.detail("../../etc"), 404, "'../../etc'");
		assertRefused(() -> this.operations.delete("42"), 404, "None yet");
	}

	@Test
	void oldObjectsUnderAnUnsupportedCollectorShouldBeUnavailable() {
		this.recordings.close();
		this.recordings = recordings("Shenandoah");
		this.operations = new AllocationOperations(this.recordings);
		assertRefused(() -> this.operations.start("5s", null, true), 503, "unavailable under Shenandoah");
		assertThat(this.operations.list().oldObjectsUnavailableUnder()).isEqualTo("Shenandoah");
		assertThat(this.operations.start("5s", null, false).status()).isEqualTo("RUNNING");
	}

	private static AllocationRecordings recordings(String unsupportedCollector) {
		return new AllocationRecordings(new JfrAllocationRecorder(), unsupportedCollector, SETTINGS,
				new CollectionGuard(Duration.ZERO), Clock.systemUTC());
	}

	private static void assertRefused(Runnable operation, int status, String message) {
		assertThatExceptionOfType(LeaksOperationException.class).isThrownBy(operation::run)
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status))
			.withMessageContaining(message);
	}

}
