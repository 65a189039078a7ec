package io.leaks.gc;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@Tag("collectors")
@Tag("core")
class GcTriggerTests {

	private final VmFlagAccess vmOptions = new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer());

	private final GcTrigger trigger = new GcTrigger(this.vmOptions, new CollectionGuard(Duration.ZERO));

	@Test
	void collectShouldFreeGarbageAndCountCollections() {
		assumeFalse(this.trigger.isExplicitGcDisabled(), "this JVM runs with -XX:+DisableExplicitGC");
		byte[][] garbage = new byte[64][];
		for (int i = 0; i < garbage.length; i++) {
			garbage[i] = new byte[256 * 1024];
		}
		garbage = null;
		GcReport report = this.trigger.collect();
		assertThat(report.performed()).isTrue();
		assertThat(report.explicitGcDisabled()).isFalse();
		assertThat(report.collections()).isNotEmpty();
		assertThat(report.collections().stream().mapToLong(GcReport.CollectorActivity::count).sum()).isPositive();
		assertThat(report.heapAfter().used()).isLessThanOrEqualTo(report.heapBefore().used());
		assertThat(report.message()).startsWith("Freed");
	}

	@Test
	void collectWhileAnotherForcedCollectionRunsShouldBeRefused() throws Exception {
		CollectionGuard guard = new CollectionGuard(Duration.ZERO);
		GcTrigger guarded = new GcTrigger(this.vmOptions, guard);
		try (HeldGuard held = HeldGuard.hold(guard)) {
			if (!guarded.isExplicitGcDisabled()) {
				assertThatExceptionOfType(CollectionGuard.CollectionInProgressException.class)
					.isThrownBy(guarded::collect);
			}
			assertThatExceptionOfType(CollectionGuard.CollectionInProgressException.class)
				.isThrownBy(() -> guard.run(() -> "second"));
		}
		assertThat(guard.run(() -> "after")).isEqualTo("after");
	}

	/**
	 * Runs only in the surefire execution whose JVM has {@code -XX:+DisableExplicitGC}.
	 */
	@Test
	@Tag("explicit-gc-disabled")
	void collectWhenExplicitGcIsDisabledShouldSaySoInsteadOfPretending() {
		assertThat(this.trigger.isExplicitGcDisabled()).isTrue();
		GcReport report = this.trigger.collect();
		assertThat(report.performed()).isFalse();
		assertThat(report.explicitGcDisabled()).isTrue();
		assertThat(report.collections()).isEmpty();
		assertThat(report.message()).contains("-XX:+DisableExplicitGC");
	}

}
