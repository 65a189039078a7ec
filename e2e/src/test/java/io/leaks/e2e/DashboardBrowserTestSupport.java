package io.leaks.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One demo app and one browser per test class, a full-page screenshot of every test under
 * {@code e2e.reports/screenshots/}, and no console error allowed in any test.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class DashboardBrowserTestSupport {

	protected DemoApp app;

	protected DemoClient client;

	protected Browser browser;

	protected DashboardPage page;

	/**
	 * Arguments the demo app starts with, after its own defaults.
	 * @return command-line arguments
	 */
	protected abstract List<String> appArguments();

	/**
	 * Options of the demo app's JVM.
	 * @return JVM options; a 256 MB heap unless a test needs another
	 */
	protected List<String> jvmOptions() {
		return List.of("-Xmx256m");
	}

	@BeforeAll
	void startAppAndBrowser() throws IOException {
		this.app = DemoApp.start(getClass().getSimpleName(), jvmOptions(), appArguments());
		this.client = new DemoClient(this.app).awaitReady();
		this.browser = Browser.start();
		this.page = new DashboardPage(this.browser, this.app);
	}

	@BeforeEach
	void laptopWindow() {
		this.browser.resize(Browser.LAPTOP);
	}

	@AfterEach
	void screenshotAndCheckConsole(TestInfo test) throws IOException {
		String name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
		this.browser.screenshot(reports().resolve("screenshots").resolve(name + ".png"));
		assertThat(this.browser.consoleErrors()).as("errors in the browser console").isEmpty();
	}

	static Path reports() {
		return Path.of(System.getProperty("e2e.reports", "target/e2e-reports"));
	}

	@AfterAll
	void stopBrowserAndApp() throws Exception {
		try (DemoApp stopApp = this.app; Browser stopBrowser = this.browser) {
			// closes both, the browser first, even if one of them fails
		}
	}

}
