package io.leaks.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard as a user sees it: what is on screen and what can be clicked.
 */
final class DashboardPage {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Browser browser;

	private final DemoApp app;

	DashboardPage(Browser browser, DemoApp app) {
		this.browser = browser;
		this.app = app;
	}

	/**
	 * Opens the page and waits until it has read the endpoint at least twice.
	 * @return this page
	 */
	DashboardPage open() {
		this.browser.open(this.app.uri("/leaks"));
		awaitPolls(2);
		return this;
	}

	void awaitPolls(int polls) {
		this.browser.waitAtMost(TIMEOUT).until((driver) -> {
			String done = driver.findElement(By.tagName("body")).getDomAttribute("data-polls");
			return done != null && Integer.parseInt(done) >= polls;
		});
	}

	/**
	 * Points a dataset of a chart holds, read from Chart.js itself.
	 * @param canvasId the chart's canvas
	 * @param dataset the dataset's label
	 * @return the number of points, or -1 if the chart or dataset does not exist
	 */
	long chartPoints(String canvasId, String dataset) {
		Object points = this.browser.script("""
				const chart = window.Chart && window.Chart.getChart(arguments[0]);
				const set = chart && chart.data.datasets.find((d) => d.label === arguments[1]);
				return set ? set.data.length : -1;""", canvasId, dataset);
		return ((Number) points).longValue();
	}

	WebElement element(String id) {
		return this.browser.driver().findElement(By.id(id));
	}

	String text(String id) {
		return element(id).getText();
	}

	boolean isShown(String id) {
		return element(id).isDisplayed();
	}

	void takeSnapshot(String label) {
		WebElement input = element("snapshot-label");
		input.clear();
		input.sendKeys(label);
		element("snapshot-take").click();
		this.browser.waitAtMost(TIMEOUT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#snapshot-list tr[data-label='" + label
					+ "']")));
	}

	List<String> snapshotLabels() {
		return this.browser.driver()
			.findElements(By.cssSelector("#snapshot-list tr"))
			.stream()
			.map((row) -> row.getDomAttribute("data-label"))
			.toList();
	}

	void chooseComparison(String from, String to) {
		element("snapshot-list").findElement(By.cssSelector("input[name='from'][value='" + from + "']")).click();
		element("snapshot-list").findElement(By.cssSelector("input[name='to'][value='" + to + "']")).click();
	}

	/**
	 * Compares the chosen snapshots and waits for the diff table.
	 * @return the diff's rows
	 */
	List<WebElement> compare() {
		element("compare").click();
		return awaitDiff(null);
	}

	List<WebElement> sortDiffBy(String sort) {
		this.browser.driver().findElement(By.cssSelector("#diff-table button.sort[data-sort='" + sort + "']")).click();
		return awaitDiff(sort);
	}

	private List<WebElement> awaitDiff(String sort) {
		this.browser.waitAtMost(TIMEOUT).until((driver) -> isShown("diff") && (sort == null || "true".equals(driver
			.findElement(By.cssSelector("#diff-table button.sort[data-sort='" + sort + "']"))
			.getDomAttribute("aria-pressed"))));
		return this.browser.driver().findElements(By.cssSelector("#diff-rows tr[data-class]"));
	}

	void takeHeapDump(String label) {
		WebElement input = element("heapdump-label");
		input.clear();
		input.sendKeys(label);
		element("heapdump-take").click();
		awaitActionResult("Wrote");
		this.browser.waitAtMost(TIMEOUT)
			.until((driver) -> heapDumpNames().stream().anyMatch((name) -> name.contains(label)));
	}

	List<String> heapDumpNames() {
		return this.browser.driver()
			.findElements(By.cssSelector("#heapdump-list tr"))
			.stream()
			.map((row) -> row.getDomAttribute("data-name"))
			.toList();
	}

	void deleteHeapDump(String name) {
		element("heapdump-list").findElement(By.cssSelector("button[aria-label='delete heap dump " + name + "']"))
			.click();
		this.browser.waitAtMost(TIMEOUT).until((driver) -> !heapDumpNames().contains(name));
	}

	String applyPreset(String preset) {
		new Select(element("tuning-preset")).selectByValue(preset);
		element("tuning-apply").click();
		return awaitActionResult("Preset " + preset + ":");
	}

	void awaitText(String id, String text) {
		this.browser.waitAtMost(TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	void awaitNoText(String id, String text) {
		this.browser.waitAtMost(TIMEOUT)
			.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text)));
	}

	/**
	 * Waits until the action running has finished and its result says something.
	 * @param containing text the result must contain
	 * @return the result's text
	 */
	String awaitActionResult(String containing) {
		this.browser.waitAtMost(TIMEOUT).until((driver) -> {
			WebElement result = element("action-result");
			return !String.valueOf(result.getDomAttribute("class")).contains("busy")
					&& result.getText().contains(containing);
		});
		return text("action-result");
	}

}
