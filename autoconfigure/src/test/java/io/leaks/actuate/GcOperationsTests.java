package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import io.leaks.gc.CollectionGuard;
import io.leaks.gc.GcTrigger;
import io.leaks.gc.HeldGuard;
import io.leaks.gc.HotSpotVmFlags;
import org.junit.jupiter.api.Test;

import static io.leaks.actuate.SnapshotOperationsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection on request, without HTTP, on the real JVM.
 */
class GcOperationsTests {

	private final CollectionGuard guard = new CollectionGuard(Duration.ZERO);

	private final GcOperations operations = new GcOperations(
			new GcTrigger(new HotSpotVmFlags(ManagementFactory.getPlatformMBeanServer()), this.guard));

	@Test
	void collectShouldRunACollectionAndReportIt() {
		GcResult result = this.operations.collect();
		assertThat(result.performed()).isTrue();
		assertThat(result.collections()).anySatisfy((collector) -> assertThat(collector.count()).isPositive());
		assertThat(this.operations.isExplicitGcHonoured()).isTrue();
	}

	@Test
	void collectWhileAnotherHeapOperationRunsShouldBe429() throws Exception {
		try (HeldGuard held = HeldGuard.hold(this.guard)) {
			assertRefused(this.operations::collect, 429, "one at a time");
		}
	}

}
