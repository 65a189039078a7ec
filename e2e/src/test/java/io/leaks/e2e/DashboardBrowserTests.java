package io.leaks.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Chromium against the packaged demo app with write access: it loads
 * cleanly, charts the heap, takes and compares snapshots (naming the class a demo leak
 * grows, and none after the fixed variant), runs a GC, and fits a phone.
 */
class DashboardBrowserTests extends DashboardBrowserTestSupport {

	@Override
	protected List<String> appArguments() {
		return List.of("--leaks.dashboard.poll-interval=1s",
				"--leaks.heap-dump.directory=" + reports().resolve("heapdumps"));
	}

	@BeforeEach
	void startClean() {
		this.client.reset();
		for (JsonNode snapshot : this.client.get("/actuator/leaks/snapshots").expect(200).body().path("snapshots")) {
			this.client.deleteSnapshot(snapshot.path("label").asString());
		}
		for (JsonNode dump : this.client.get("/actuator/leaks/heapdumps").expect(200).body().path("dumps")) {
			this.client.delete("/actuator/leaks/heapdumps/" + dump.path("name").asString()).expect(200);
		}
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
		assertThat(this.page.text("heap-figures")).matches("used [0-9.]+ [KMG]iB · committed .*");
	}

	@Test
	void takingASnapshotThroughThePageShouldAddItToTheList() {
		this.page.open();
		this.page.takeSnapshot("page_first");
		assertThat(this.page.snapshotLabels()).contains("page_first");
		assertThat(this.page.awaitActionResult("taken")).contains("Snapshot page_first taken");
	}

	@Test
	void comparingTwoSnapshotsShouldShowASortableDiffTableThatHighlightsTheLeakingClass() {
		List<WebElement> byInstances = compareThroughThePage("diff", "leaking");
		assertThat(this.page.text("diff-title")).isEqualTo("What grew from diff_before to diff_after");
		WebElement leaking = row(byInstances, "io.leaks.demo.listeners.OrderListener");
		assertThat(leaking.getDomAttribute("class")).contains("grower");
		assertThat(leaking.getText()).contains("+1,000");
		assertThat(byInstances).filteredOn((row) -> String.valueOf(row.getDomAttribute("class")).contains("jdk"))
			.as("JDK rows are dimmed, never highlighted")
			.isNotEmpty()
			.allSatisfy((row) -> assertThat(row.getDomAttribute("class")).doesNotContain("grower"));
		List<WebElement> byBytes = this.page.sortDiffBy("bytes");
		assertThat(row(byBytes, "[B").getDomAttribute("class")).contains("jdk").doesNotContain("grower");
	}

	@Test
	void fixedVariantShouldNotHighlightAnyDemoClass() {
		assertThat(compareThroughThePage("fixed", "fixed"))
			.filteredOn((row) -> String.valueOf(row.getDomAttribute("class")).contains("grower"))
			.extracting((row) -> row.getDomAttribute("data-class"))
			.noneMatch((className) -> className.startsWith("io.leaks.demo."));
	}

	@Test
	void runningGcShouldShowWhatItFreed() {
		this.page.open();
		this.page.element("gc-run").click();
		assertThat(this.page.awaitActionResult("Freed")).matches("(?s)Freed [0-9.]+ ([KMG]i)?B in .*heap used .* → .*");
	}

	@Test
	void takingAHeapDumpShouldShowTheFileListItAndDeleteIt() {
		this.page.open();
		this.page.takeHeapDump("page_dump");
		assertThat(this.page.text("action-result")).matches("(?s)Wrote \\S+page_dump\\.hprof \\([0-9.]+ [KMG]iB\\) in .*");
		String name = this.page.heapDumpNames().get(0);
		assertThat(this.page.text("heapdump-figures")).startsWith("1 of ");
		this.page.deleteHeapDump(name);
		assertThat(this.page.text("heapdump-empty")).contains("No heap dumps yet");
	}

	@Test
	void applyingATuningPresetShouldShowWhatChangedAndDefaultsShouldRestoreIt() {
		this.page.open();
		this.page.awaitText("tuning-list", "MaxHeapFreeRatio");
		try {
			assertThat(this.page.applyPreset("aggressive")).contains("→");
			this.page.awaitText("tuning-list", "changed at runtime");
		}
		finally {
			assertThat(this.page.applyPreset("defaults")).containsAnyOf("→", "Nothing to change");
		}
		this.page.awaitNoText("tuning-list", "changed at runtime");
	}

	@Test
	void phoneSizedWindowShouldShowEverythingWithoutSidewaysScrolling() {
		this.browser.resize(Browser.PHONE);
		this.page.open();
		long viewport = ((Number) this.browser.script("return document.documentElement.clientWidth")).longValue();
		long content = ((Number) this.browser.script("return document.documentElement.scrollWidth")).longValue();
		Object overflowing = this.browser.script("""
				const width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('body *'))
					.filter((e) => e.getBoundingClientRect().right > width + 1)
					.filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
					.map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
					.join(', ');""");
		assertThat(content).as("page width on a %d px wide screen (wider: %s)", viewport, overflowing)
			.isLessThanOrEqualTo(viewport);
		assertThat(this.page.chartPoints("heap-chart", "used")).isPositive();
		assertThat(this.browser.driver().findElement(By.id("heap-chart")).getSize().getWidth())
			.isBetween(200, (int) viewport);
		assertThat(this.page.isShown("snapshot-form")).isTrue();
	}

	/**
	 * Snapshots through the page around 1,000 checkouts of the listeners pattern (after a
	 * few to load its classes), compares them and sorts by instances, as a user would.
	 */
	private List<WebElement> compareThroughThePage(String name, String variant) {
		this.client.run("listeners", variant, 10);
		this.page.open();
		this.page.takeSnapshot(name + "_before");
		this.client.run("listeners", variant, 1000);
		this.page.takeSnapshot(name + "_after");
		this.page.chooseComparison(name + "_before", name + "_after");
		assertThat(this.page.compare()).isNotEmpty();
		return this.page.sortDiffBy("instances");
	}

	private static WebElement row(List<WebElement> rows, String className) {
		return rows.stream()
			.filter((row) -> className.equals(row.getDomAttribute("data-class")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(className + " is not among the diff rows "
					+ rows.stream().map((row) -> row.getDomAttribute("data-class")).toList()));
	}

}
