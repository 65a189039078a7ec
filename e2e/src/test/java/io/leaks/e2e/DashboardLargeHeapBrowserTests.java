package io.leaks.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.leaks.e2e.DashboardPage.HeapScale;
import io.leaks.e2e.DashboardPage.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leak on a 6 GiB heap, the size a JVM picks by default on a machine like this one: within
 * seconds the analysis measures a steady rise with a rate and a time to exhaustion, whether
 * or not it calls it a leak yet. The page must tell that story: the headline follows the
 * finding (not "Collecting evidence" over a detail that gives a rate), and the heap chart
 * scales to the data with the max heap marked above it, so the leak is a climb, not a flat
 * line at the bottom.
 */
class DashboardLargeHeapBrowserTests extends DashboardBrowserTestSupport {

	private static final double GIB = 1024.0 * 1024 * 1024;

	/** About 2 MB a second of retained reports. */
	private static final int PER_SECOND = 800;

	@Override
	protected List<String> jvmOptions() {
		// A small young generation makes young collections come every few seconds, as on a busy
		// service, so the analysis has a rise to report within seconds.
		return List.of("-Xmx6g", "-Xmn8m");
	}

	@Override
	protected List<String> appArguments() {
		return List.of("--leaks.dashboard.poll-interval=1s", "--leaks.trend.interval=1s", "--leaks.trend.warmup=5s",
				"--leaks.trend.min-evidence=15s");
	}

	@Test
	void risingHeapShouldHeadTheBannerAndClimbAcrossTheChartBelowTheMarkedMaxHeap() {
		this.page.open();
		this.client.post("/demo/driver?pattern=cache&variant=leaking&perSecond=" + PER_SECOND).expect(200);
		AtomicReference<List<?>> banner = new AtomicReference<>();
		try {
			this.browser.waitAtMost(Duration.ofSeconds(90)).until((driver) -> {
				if (!this.app.isAlive()) {
					throw new IllegalStateException("The demo app died:\n" + this.app.logTail(40));
				}
				// Read at once, so all three come from the same verdict.
				List<?> seen = (List<?>) this.browser.script("""
						return [document.getElementById('verdict').dataset.finding,
							document.getElementById('verdict-summary').textContent,
							document.getElementById('verdict-detail').textContent];""");
				banner.set(seen);
				return List.of("rising", "leak").contains(seen.get(0));
			});
		}
		finally {
			this.client.delete("/demo/driver").expect(200);
		}
		assertThat((String) banner.get().get(2)).as("the analysis' own words").containsPattern("[0-9.]+ MiB/min");
		assertThat((String) banner.get().get(1)).as("the headline")
			.doesNotContain("Collecting evidence")
			.matches("Heap (after collections rising|growing) [0-9.]+ MiB/min .*· full in ~.*");

		HeapScale scale = this.page.heapScale();
		assertThat(scale.maxHeap()).as("max heap").isGreaterThan(5.9 * GIB);
		assertThat(scale.usedMax()).as("highest heap in use").isPositive().isLessThan(scale.maxHeap() / 8);
		assertThat(scale.axisMax()).as("y axis top, scaled to the heap in use")
			.isGreaterThanOrEqualTo(scale.usedMax())
			.isLessThanOrEqualTo(2.5 * scale.usedMax());
		assertThat(scale.levels()).as("marks").contains(new Level("max heap 6.0 GiB ↑", "above"));
		if (scale.committedMax() > scale.axisMax()) {
			assertThat(scale.levels()).as("marks").anyMatch((level) -> level.position().equals("above")
					&& level.label().matches("committed [0-9.]+ [MG]iB ↑"));
		}
	}

}
