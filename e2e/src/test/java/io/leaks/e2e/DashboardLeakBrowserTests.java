package io.leaks.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.leaks.e2e.DashboardPage.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page on a demo app whose cache leaks, with the trend analysis on short settings: the
 * banner turns to a leak, names the leaking class first, and the heap chart shows the
 * collections, the fitted trend and, the heap being nearly full, the max heap's line on it. It also saves {@code e2e.reports/dashboard.png}, the
 * README's picture (docs/dashboard.md says how to refresh {@code docs/dashboard.png}).
 */
class DashboardLeakBrowserTests extends DashboardBrowserTestSupport {

	private static final String LEAKING_CLASS = "io.leaks.demo.cache.CachedReport";

	/**
	 * About 1 MiB a second of retained reports: the 256 MiB heap fills in about four minutes,
	 * well after the verdict (about 100 s in) even on a loaded machine.
	 */
	private static final int PER_SECOND = 400;

	@Override
	protected List<String> appArguments() {
		return List.of("--leaks.dashboard.poll-interval=2s", "--leaks.trend.interval=5s", "--leaks.trend.warmup=20s",
				"--leaks.trend.min-evidence=60s");
	}

	@Test
	void leakingCacheShouldTurnTheBannerToALeakNamingItsClass() throws IOException {
		this.page.open();
		this.client.post("/demo/driver?pattern=cache&variant=leaking&perSecond=" + PER_SECOND).expect(200);
		Set<String> seen = new LinkedHashSet<>();
		try {
			this.browser.waitAtMost(Duration.ofSeconds(240)).until((driver) -> {
				if (!this.app.isAlive()) {
					throw new IllegalStateException("The demo app died:\n" + this.app.logTail(40));
				}
				// Read at once, so all of them come from the same verdict.
				List<?> banner = (List<?>) this.browser.script("""
						return [document.getElementById('verdict').dataset.kind,
							document.getElementById('verdict-status').textContent,
							document.getElementById('verdict-detail').textContent];""");
				seen.add(banner.get(1) + " | " + banner.get(2));
				return "leak".equals(banner.get(0)) && !suspects().isEmpty();
			});
		}
		finally {
			this.client.delete("/demo/driver").expect(200);
		}
		assertThat(seen).as("headlines over the detail they headed, while the leak was found")
			.noneMatch((headline) -> headline.startsWith("Collecting evidence")
					&& headline.matches(".*[0-9.]+ [KMG]iB/(min|h).*fills in about.*"));
		assertThat(this.page.element("verdict").getDomAttribute("data-status")).isEqualTo("LEAK_SUSPECTED");
		assertThat(this.page.element("verdict").getDomAttribute("data-finding")).isIn("GROWING", "FILLS_SOON",
				"PRESSURE");
		assertThat(this.page.text("verdict-status"))
			.matches("Leak suspected — (fills in about [0-9].*|collections no longer free memory) \\((minutes|hours)\\)");
		assertThat(this.page.text("verdict-summary")).matches("heap growing [0-9.]+ [KMG]iB/(min|h) · full around .*");
		assertThat(this.page.text("verdict-detail")).startsWith("Leak: ");
		assertThat(this.page.text("verdict-others")).contains("Full collections forced: ").doesNotContain("PT");
		assertThat(suspects().get(0).getDomAttribute("data-class")).as("the first suspect").isEqualTo(LEAKING_CLASS);
		assertThat(this.page.chartPoints("heap-chart", "trend")).isGreaterThanOrEqualTo(2);
		assertThat(this.page.chartPoints("heap-chart", "after young GC")
				+ this.page.chartPoints("heap-chart", "after mixed GC")
				+ this.page.chartPoints("heap-chart", "after full/old GC")).isPositive();
		assertThat(this.page.chartPoints("threads-chart", "live threads")).isPositive();
		assertThat(this.page.text("heap-source")).startsWith("Recorded by the trend analyzer");
		assertThat(this.page.heapScale().levels()).as("the max heap, near the data and the projected exhaustion")
			.contains(new Level("max heap 256.0 MiB", "inside"));

		this.page.takeSnapshot("before_orders");
		this.client.run("cache", "leaking", 1000);
		this.page.takeSnapshot("after_orders");
		this.page.chooseComparison("before_orders", "after_orders");
		this.page.compare();
		assertThat(this.page.sortDiffBy("instances"))
			.filteredOn((row) -> String.valueOf(row.getDomAttribute("class")).contains("grower"))
			.extracting((row) -> row.getDomAttribute("data-class"))
			.as("highlighted rows")
			.containsExactly(LEAKING_CLASS);

		// The README's picture: everything down to the first rows of the diff.
		Number bottom = (Number) this.browser.script("""
				const rows = document.querySelectorAll('#diff-rows tr');
				return rows[Math.min(rows.length, 10) - 1].getBoundingClientRect().bottom + window.scrollY + 2;""");
		this.browser.screenshot(reports().resolve("dashboard.png"), bottom.doubleValue());
	}

	private List<WebElement> suspects() {
		return this.browser.driver().findElements(By.cssSelector("#verdict-suspects li"));
	}

}
