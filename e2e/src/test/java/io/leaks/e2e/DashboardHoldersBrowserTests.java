package io.leaks.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Who holds it" panel in Chromium: one click on a diff row analyses the latest heap
 * dump (taking one first, after the page asks), and the panel draws the owner with its
 * retained-size bar and the path from its GC root as boxes and arrows.
 */
class DashboardHoldersBrowserTests extends DashboardBrowserTestSupport {

	private static final String LISTENER = "io.leaks.demo.listeners.OrderListener";

	@Override
	protected List<String> appArguments() {
		return List.of("--leaks.dashboard.poll-interval=1s", "--leaks.trend.interval=1s", "--leaks.trend.warmup=1h",
				"--leaks.heap-dump.directory=" + reports().resolve("holders-heapdumps"), "--leaks.analysis.niceness=0",
				"--leaks.heap-dump.free-space-margin=10MB");
	}

	@Test
	void whoHoldsItOnADiffRowShouldTakeADumpAfterAskingAndDrawTheOwnerAndItsPath() {
		this.client.reset();
		for (JsonNode dump : this.client.get("/actuator/leaks/heapdumps").expect(200).body().path("dumps")) {
			this.client.delete("/actuator/leaks/heapdumps/" + dump.path("name").asString()).expect(200);
		}
		for (JsonNode analysis : this.client.get("/actuator/leaks/analyses").expect(200).body().path("analyses")) {
			this.client.delete("/actuator/leaks/analyses/" + analysis.path("id").asString()).expect(200);
		}
		this.client.snapshot("holders_before");
		this.client.post("/demo/patterns/listeners/leaking?count=1000").expect(200);
		this.client.snapshot("holders_after");
		this.page.open();
		assertThat(this.page.text("holders-empty")).contains("No analysis yet");
		this.page.chooseComparison("holders_before", "holders_after");
		this.page.compare();
		List<WebElement> rows = this.page.sortDiffBy("instances");
		WebElement row = rows.stream()
			.filter((candidate) -> LISTENER.equals(candidate.getDomAttribute("data-class")))
			.findFirst()
			.orElseThrow();
		row.findElement(By.cssSelector("button.who-holds-it")).click();
		this.browser.waitAtMost(Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
		assertThat(this.browser.driver().switchTo().alert().getText()).contains("no heap dump yet")
			.contains("pauses the application");
		this.browser.driver().switchTo().alert().accept();

		this.browser.waitAtMost(Duration.ofMinutes(4))
			.until((driver) -> "DONE".equals(this.page.element("holders").getDomAttribute("data-status"))
					&& !driver.findElements(By.cssSelector("#holders-findings .finding")).isEmpty());
		assertThat(this.client.get("/actuator/leaks/heapdumps").expect(200).body().path("dumps")).hasSize(1);
		WebElement finding = this.browser.driver()
			.findElement(By.cssSelector("#holders-findings .finding[data-class='" + LISTENER + "']"));
		assertThat(finding.getText()).contains("OrderListener").contains("1,000 instances");
		WebElement owner = finding.findElement(By.cssSelector(".owner"));
		assertThat(owner.getText()).contains("OrderEventBus.subscribers")
			.contains("ConcurrentHashMap$KeySetView")
			.contains("holds 1,000");
		assertThat(owner.findElement(By.cssSelector(".bar span")).getDomAttribute("style")).contains("width: 100%");
		WebElement picture = finding.findElement(By.cssSelector("svg.path-picture"));
		List<String> boxes = picture.findElements(By.cssSelector("g.box text"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(boxes.get(0)).startsWith("GC root: ");
		assertThat(boxes).contains("OrderEventBus", "ConcurrentHashMap$KeySetView", "ListenersPattern$$Lambda")
			.last()
			.asString()
			.startsWith("OrderListener ×");
		assertThat(picture.findElements(By.cssSelector("line.arrow"))).hasSize(boxes.size() - 1);
		assertThat(picture.findElements(By.cssSelector("text.reference")).stream().map(WebElement::getText))
			.contains("subscribers", "arg$1");
		assertThat(finding.getText()).contains("Allocation sites come from a JFR recording");
	}

}
