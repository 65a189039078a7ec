package io.leaks.trend;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The JVM's collection-usage threshold on the real old generation (whatever the collector
 * calls it): a threshold the live data of this test JVM is sure to exceed, crossed by a
 * full collection.
 */
@Tag("collectors")
@Tag("core")
class CollectionUsageWarningTests {

	@Test
	void poolStillFullAfterACollectionShouldWarnAndCloseShouldRestoreTheThreshold() {
		MemoryPoolMXBean oldGen = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && CollectorKinds.isLongLived(pool.getName()))
			.findFirst()
			.orElseThrow();
		long before = oldGen.getCollectionUsageThreshold();
		CollectionUsageWarning warning = new CollectionUsageWarning(0.0001);
		try {
			assertThat(warning.start()).isEqualTo(1);
			assertThat(oldGen.getCollectionUsageThreshold()).isEqualTo((long) (oldGen.getUsage().getMax() * 0.0001));
			// An explicit collection: a live histogram collects nothing under ZGC and Shenandoah on JDK 17.
			System.gc();
			await().atMost(Duration.ofSeconds(30)).until(() -> warning.warnings() > 0);
		}
		finally {
			warning.close();
		}
		assertThat(oldGen.getCollectionUsageThreshold()).isEqualTo(before);
	}

	@Test
	void shareOutsideZeroToOneShouldBeRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CollectionUsageWarning(1.0));
	}

}
