package io.leaks.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

	/**
	 * The heap chart's scale as Chart.js drew it.
	 * @return the y axis top, the highest heap in use (every visible dataset but the max
	 * heap, the committed heap and the pauses), the highest committed heap, the max heap,
	 * and the marks the chart drew for levels
	 */
	HeapScale heapScale() {
		Map<?, ?> scale = (Map<?, ?>) this.browser.script("""
				const chart = window.Chart.getChart('heap-chart');
				const highest = (sets) => Math.max(0, ...sets.flatMap((set) => set.data.map((point) => point.y)));
				const sets = chart.data.datasets.filter((set, index) => chart.isDatasetVisible(index) && !set.yAxisID);
				const named = (label) => sets.filter((set) => set.label === label);
				return { axisMax: chart.scales.y.max,
					usedMax: highest(sets.filter((set) => set.label !== 'max heap' && set.label !== 'committed')),
					committedMax: highest(named('committed')), maxHeap: highest(named('max heap')),
					levels: JSON.parse(chart.canvas.dataset.levels || '[]') };""");
		List<Level> levels = ((List<?>) scale.get("levels")).stream()
			.map((level) -> (Map<?, ?>) level)
			.map((level) -> new Level((String) level.get("label"), (String) level.get("position")))
			.toList();
		return new HeapScale(number(scale, "axisMax"), number(scale, "usedMax"), number(scale, "committedMax"),
				number(scale, "maxHeap"), levels);
	}

	private static double number(Map<?, ?> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	/**
	 * Imports one of the page's modules in the page and runs a script with it; loads the
	 * page first unless it is open (without waiting for its polls: the module's own code is
	 * what the script runs).
	 * @param module path under {@code /leaks/}, such as {@code lib/format.js}
	 * @param body the body of an async function that sees the module as {@code module} and
	 * returns what the test checks
	 * @return what the script returned
	 */
	Object withModule(String module, String body) {
		if (!this.app.uri("/leaks").toString().equals(this.browser.driver().getCurrentUrl())) {
			this.browser.open(this.app.uri("/leaks"));
		}
		Map<?, ?> answer = (Map<?, ?>) this.browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				import(arguments[0]).then(async (module) => {
				%s
				}).then((value) => done({ value: value }), (failure) => done({ failure: String(failure.stack || failure) }));"""
			.formatted(body), this.app.uri("/leaks/" + module).getPath());
		if (answer.containsKey("failure")) {
			throw new AssertionError("The script with " + module + " failed: " + answer.get("failure"));
		}
		return answer.get("value");
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
		return rowAttributes("#snapshot-list tr", "data-label");
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
		return rowAttributes("#heapdump-list tr", "data-name");
	}

	/**
	 * An attribute of every row of a table, read in one script: rows read one by one may be
	 * replaced in between by a poll that changed the list.
	 */
	private List<String> rowAttributes(String rows, String attribute) {
		return ((List<?>) this.browser.script(
				"return Array.from(document.querySelectorAll(arguments[0])).map((row) => row.getAttribute(arguments[1]))",
				rows, attribute))
			.stream()
			.map(String::valueOf)
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

	/**
	 * The heap chart's y axis and what it is for, in bytes.
	 *
	 * @param axisMax the axis top
	 * @param usedMax the highest heap in use drawn (used, after collections, floor, trend)
	 * @param committedMax the highest committed heap drawn
	 * @param maxHeap the max heap
	 * @param levels the marks drawn for levels (the max heap, the committed heap)
	 */
	record HeapScale(double axisMax, double usedMax, double committedMax, double maxHeap, List<Level> levels) {

	}

	/**
	 * A level's mark on a chart.
	 *
	 * @param label its label
	 * @param position {@code inside} the chart, on its line, or {@code above} it, at the top edge
	 */
	record Level(String label, String position) {

	}

}
