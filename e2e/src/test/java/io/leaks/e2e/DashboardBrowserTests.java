package io.leaks.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Chromium against the packaged demo app with write access: it loads
 * cleanly, charts the heap, takes and compares snapshots (naming the class a demo leak
 * grows, and none after the fixed variant), runs a GC, answers "who holds it" on a diff
 * row (taking a dump after asking, then drawing the owner and its path from the GC root),
 * and fits a phone. The page's own
 * modules are tested here too, imported into the page: formats, headlines, the heap axis,
 * the poller.
 */
class DashboardBrowserTests extends DashboardBrowserTestSupport {

	private static final String LISTENER = "io.leaks.demo.listeners.OrderListener";

	@Override
	protected List<String> appArguments() {
		// The trend analysis records a sample every second, so the heap chart has recorded points
		// whenever a test opens the page, and judges nothing (no live histograms) within the hour.
		return List.of("--leaks.dashboard.poll-interval=1s", "--leaks.trend.interval=1s", "--leaks.trend.warmup=1h",
				"--leaks.heap-dump.directory=" + reports().resolve("heapdumps"), "--leaks.heap-dump.free-space-margin=10MB",
				"--leaks.analysis.niceness=0");
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
		WebElement leaking = row(byInstances, LISTENER);
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

	@Test
	void hiddenTabShouldNotPollUntilShownAgain() throws InterruptedException {
		this.page.open();
		this.browser.script("""
				window.visibilityLog = [];
				document.addEventListener('visibilitychange', () => window.visibilityLog.push(
					{ state: document.visibilityState, polls: Number(document.body.dataset.polls) }));""");
		String dashboard = this.browser.driver().getWindowHandle();
		this.browser.driver().switchTo().newWindow(WindowType.TAB);
		Thread.sleep(3000);
		this.browser.driver().close();
		this.browser.driver().switchTo().window(dashboard);
		this.page.awaitPolls(1);
		List<?> log = (List<?>) this.browser.script("return window.visibilityLog");
		assertThat(log).as("visibility changes of the dashboard's tab").hasSize(2);
		Map<?, ?> hidden = (Map<?, ?>) log.get(0);
		Map<?, ?> shown = (Map<?, ?>) log.get(1);
		assertThat(hidden.get("state")).isEqualTo("hidden");
		assertThat(shown.get("state")).isEqualTo("visible");
		assertThat(((Number) shown.get("polls")).longValue() - ((Number) hidden.get("polls")).longValue())
			.as("polls finished in 3 s hidden, polling every second (one may have been under way)")
			.isLessThanOrEqualTo(1);
		long polls = ((Number) shown.get("polls")).longValue();
		this.page.awaitPolls((int) polls + 1);
	}

	@Test
	void formatShouldWordSizesRatesAndDurationsAsTheEndpointDoes() {
		Object formatted = this.page.withModule("lib/format.js", """
				const MIB = 1024 * 1024;
				return {
					bytes: [0, 512, 1023, 1024, 1536, 10 * MIB, 6 * 1024 * MIB, -2048, 'x'].map((v) => module.bytes(v)),
					inUnit: [module.bytes(1200 * MIB, { unit: 'MiB' }), module.bytes(1.5 * 1024 * MIB, { unit: 'GiB' })],
					rates: [12 * MIB, 5 * MIB / 60, -1].map((v) => module.rate(v)),
					durations: [850, 4200, 320000, 3 * 3600000 + 600000, 52 * 3600000].map((v) => module.duration(v))
				};""");
		assertThat(formatted).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("bytes", List.of("0 B", "512 B", "1023 B", "1.0 KiB", "1.5 KiB", "10.0 MiB", "6.0 GiB",
					"-2.0 KiB", "–"))
			.containsEntry("inUnit", List.of("1200 MiB", "1.5 GiB"))
			.containsEntry("rates", List.of("12.0 MiB/min", "5.0 MiB/h", "-60 B/h"))
			.containsEntry("durations", List.of("850 ms", "4.2 s", "5 min 20 s", "3 h 10 min", "2 d 4 h"));
	}

	@Test
	void headlineShouldFollowTheFindingOfEachVerdict() {
		// Verdicts shaped as GET /trend answers them, taken from the demo app on 6 GiB and 256 MiB heaps.
		Object headlines = this.page.withModule("panels/verdict.js", """
				const MIB = 1024 * 1024;
				const now = Date.parse('2026-12-01T10:47:36Z');
				const at = (minutes) => new Date(now + minutes * 60000).toISOString();
				const projection = { exhaustion: at(53), earliest: at(50), latest: at(57), limit: 6 * 1024 * MIB, level: 260 * MIB };
				const evidence = (points, trendZ, pace) => ({ basis: 'YOUNG_TREND', points: points, spanSeconds: 55,
					kinds: ['YOUNG'], trendZ: trendZ, pace: pace });
				const verdicts = {
					collecting: { status: 'COLLECTING', growthBytesPerMinute: 0, suspicion: false,
						evidence: { basis: 'NONE', points: 0, spanSeconds: 0, kinds: [], trendZ: 0, pace: 0 } },
					rising: { status: 'COLLECTING', growthBytesPerMinute: 112 * MIB, suspicion: false, projection: projection,
						evidence: evidence(32, 7.4, 0.93) },
					checking: { status: 'COLLECTING', growthBytesPerMinute: 4 * MIB, suspicion: true, projection: projection,
						evidence: evidence(20, 4.1, 1.1) },
					leak: { status: 'LEAK_SUSPECTED', growthBytesPerMinute: 94.7 * MIB, suspicion: false,
						projection: projection, suspectedAt: at(-1), evidence: evidence(3, 1.04, 1) },
					levelling: { status: 'STABLE', growthBytesPerMinute: 107 * MIB, suspicion: false, projection: projection,
						evidence: evidence(8, 5.2, 0) },
					flat: { status: 'STABLE', growthBytesPerMinute: 0.2 * MIB, suspicion: false, evidence: evidence(40, 0.6, 0) },
					unknown: { status: 'FILLING_CACHE', growthBytesPerMinute: 0, suspicion: false, evidence: evidence(0, 0, 0) }
				};
				return Object.fromEntries(Object.entries(verdicts).map(([name, verdict]) => {
					const head = module.headline(verdict, now);
					return [name, [head.finding, head.label, head.summary]];
				}));""");
		assertThat(headlines).asInstanceOf(InstanceOfAssertFactories.MAP).satisfies((byName) -> {
			assertThat(headline(byName, "collecting")).containsExactly("collecting", "COLLECTING",
					"Collecting evidence before a verdict.");
			assertThat(headline(byName, "rising")).startsWith("rising", "HEAP RISING");
			assertThat((String) headline(byName, "rising").get(2)).matches("Heap after collections rising 112.0 MiB/min over 55 s · "
					+ "full in ~53 min \\(around .*, between .* and .*\\) at this pace · not called a leak yet");
			assertThat(headline(byName, "checking")).startsWith("checking", "CHECKING");
			assertThat((String) headline(byName, "checking").get(2)).isEqualTo("Heap rising 4.0 MiB/min after young collections · "
					+ "live histograms are checking it before a verdict");
			assertThat(headline(byName, "leak")).startsWith("leak", "LEAK SUSPECTED");
			assertThat((String) headline(byName, "leak").get(2))
				.matches("Heap growing 94.7 MiB/min · full in ~53 min \\(around .*\\) · suspected since .*");
			assertThat(headline(byName, "levelling")).startsWith("levelling", "LEVELLING OFF");
			assertThat(headline(byName, "flat")).containsExactly("flat", "STABLE",
					"The heap after collections is not growing.");
			assertThat(headline(byName, "unknown")).startsWith("unknown", "FILLING CACHE");
		});
	}

	@Test
	void heapAxisShouldScaleToTheHeapInUseAndReachTheMaxHeapOnlyNearIt() {
		Object scales = this.page.withModule("panels/heap.js", """
				const charts = await import('/leaks/lib/charts.js');
				const MIB = 1024 * 1024;
				const scale = (usedTop, committedTop, maxHeap) =>
					charts.byteScale(module.heapAxisTop(usedTop * MIB, committedTop * MIB, maxHeap * MIB));
				const inMib = (s) => [s.max / MIB, s.stepSize / MIB, s.unit];
				return {
					largeHeap: inMib(scale(300, 350, 6144)),
					committedFarAbove: inMib(scale(40, 816, 6144)),
					nearTheMax: inMib(scale(200, 230, 256)),
					noData: inMib(scale(0, 0, 256))
				};""");
		assertThat(scales).asInstanceOf(InstanceOfAssertFactories.MAP)
			.as("axis top and step in MiB, and the tick unit")
			.containsEntry("largeHeap", List.of(400L, 100L, "MiB"))
			.containsEntry("committedFarAbove", List.of(50L, 10L, "MiB"))
			.containsEntry("nearTheMax", List.of(300L, 50L, "MiB"))
			.containsEntry("noData", List.of(300L, 50L, "MiB"));
	}

	@Test
	void pollerShouldPollOneAtATimeAndNeverWhileHiddenOrPaused() {
		Object counts = this.page.withModule("lib/poller.js", """
				const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));
				const tab = new EventTarget();
				tab.hidden = false;
				const show = (hidden) => {
					tab.hidden = hidden;
					tab.dispatchEvent(new Event('visibilitychange'));
				};
				let polls = 0;
				let running = 0;
				let overlapping = 0;
				const poller = module.createPoller({ intervalMillis: 20, visibility: tab, poll: async () => {
					polls++;
					running++;
					overlapping = Math.max(overlapping, running);
					await sleep(5);
					running--;
				} });
				await poller.start();
				await sleep(300);
				const visible = polls;
				await sleep(30);
				show(true);
				await sleep(30);
				const hiddenAt = polls;
				await sleep(300);
				const whileHidden = polls - hiddenAt;
				const scheduledWhileHidden = poller.scheduled;
				show(false);
				const onShow = polls - hiddenAt - whileHidden;
				await sleep(30);
				poller.setPaused(true);
				await sleep(30);
				const pausedAt = polls;
				await sleep(300);
				const whilePaused = polls - pausedAt;
				const before = polls;
				poller.now();
				poller.now();
				poller.now();
				await sleep(200);
				const asked = polls - before;
				show(true);
				return { visible: visible, whileHidden: whileHidden, scheduledWhileHidden: scheduledWhileHidden,
					onShow: onShow, whilePaused: whilePaused, askedThrice: asked, overlapping: overlapping };""");
		assertThat(counts).asInstanceOf(InstanceOfAssertFactories.MAP).satisfies((polls) -> {
			assertThat(((Number) polls.get("visible")).intValue()).as("polls in 300 ms every 20 ms").isGreaterThan(3);
			assertThat(polls.get("whileHidden")).as("polls while hidden").isEqualTo(0L);
			assertThat(polls.get("scheduledWhileHidden")).as("a poll scheduled while hidden").isEqualTo(false);
			assertThat(polls.get("onShow")).as("polls as soon as shown").isEqualTo(1L);
			assertThat(polls.get("whilePaused")).as("polls while paused").isEqualTo(0L);
			assertThat(polls.get("askedThrice")).as("polls when asked three times at once").isEqualTo(2L);
			assertThat(polls.get("overlapping")).as("polls running at once").isEqualTo(1L);
		});
	}

	@Test
	void whoHoldsItOnADiffRowShouldTakeADumpAfterAskingAndDrawTheOwnerAndItsPath() {
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
		row(rows, LISTENER).findElement(By.cssSelector("button.who-holds-it")).click();
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
		assertThat(owner.getText()).contains("OrderEventBus.subscribers → ConcurrentHashMap holds 1,000");
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
		// The demo serves allocation recordings: the card says how to record this class's sites.
		assertThat(finding.getText()).contains("No allocation sites recorded for this class yet")
			.contains("/allocations");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> headline(Map<?, ?> headlines, String name) {
		return (List<Object>) headlines.get(name);
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
