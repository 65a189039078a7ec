package io.leaks.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Chromium against the packaged demo app with write access: it loads
 * cleanly, charts the heap, takes and compares snapshots, runs a GC, and fits a phone.
 */
class DashboardBrowserTests extends DashboardBrowserTestSupport {

	@Override
	protected String[] appArguments() {
		return new String[] { "--leaks.dashboard.poll-interval=1s" };
	}

	@Test
	void pageShouldLoadAndShowTheJvmAndAccess() {
		this.page.open();
		assertThat(this.page.text("jvm")).contains("up");
		assertThat(this.page.text("access")).isEqualTo("read & write");
		assertThat(this.page.isShown("actions-controls")).isTrue();
		assertThat(this.page.isShown("snapshot-form")).isTrue();
		assertThat(this.page.text("endpoint-path")).isEqualTo("/actuator/leaks");
	}

	@Test
	void heapChartShouldHaveDataPoints() {
		this.page.open();
		this.page.awaitPolls(4);
		assertThat(this.page.chartPoints("heap-chart", "used")).isGreaterThanOrEqualTo(4);
		assertThat(this.page.chartPoints("heap-chart", "committed")).isGreaterThanOrEqualTo(4);
		assertThat(this.page.text("heap-figures")).matches("used [0-9.]+ [KMG]B · committed .*");
	}

	@Test
	void takingASnapshotThroughThePageShouldAddItToTheList() {
		this.page.open();
		this.page.takeSnapshot("page_first");
		assertThat(this.page.snapshotLabels()).contains("page_first");
		assertThat(this.page.awaitActionResult("taken")).contains("Snapshot page_first taken");
	}

	@Test
	void comparingTwoSnapshotsShouldShowASortableDiffTable() {
		this.page.open();
		this.page.takeSnapshot("diff_before");
		this.page.takeSnapshot("diff_after");
		this.page.chooseComparison("diff_before", "diff_after");
		List<WebElement> byBytes = this.page.compare();
		assertThat(byBytes).isNotEmpty();
		assertThat(this.page.text("diff-title")).isEqualTo("What grew from diff_before to diff_after");
		List<WebElement> byInstances = this.page.sortDiffBy("instances");
		assertThat(byInstances).isNotEmpty();
		for (WebElement row : byInstances) {
			String classes = String.valueOf(row.getDomAttribute("class"));
			assertThat(classes.contains("jdk") && classes.contains("grower")).as("JDK rows are never highlighted")
				.isFalse();
		}
	}

	@Test
	void runningGcShouldShowWhatItFreed() {
		this.page.open();
		this.page.element("gc-run").click();
		assertThat(this.page.awaitActionResult("Freed")).matches("(?s)Freed [0-9.]+ [KMG]?B in .*heap used .* → .*");
	}

	@Test
	void phoneSizedWindowShouldShowEverythingWithoutSidewaysScrolling() {
		this.browser.resize(Browser.PHONE);
		this.page.open();
		long viewport = ((Number) this.browser.script("return document.documentElement.clientWidth")).longValue();
		long content = ((Number) this.browser.script("return document.documentElement.scrollWidth")).longValue();
		assertThat(content).as("page width on a %d px wide screen", viewport).isLessThanOrEqualTo(viewport);
		assertThat(this.page.chartPoints("heap-chart", "used")).isPositive();
		assertThat(this.browser.driver().findElement(By.id("heap-chart")).getSize().getWidth())
			.isBetween(200, (int) viewport);
		assertThat(this.page.isShown("snapshot-form")).isTrue();
	}

}
