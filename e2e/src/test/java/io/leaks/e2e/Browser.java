package io.leaks.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are given
 * explicitly so Selenium never looks for, or downloads, a browser or driver of its own.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Dimension LAPTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() throws IOException {
		for (Path required : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(required)) {
				throw new IllegalStateException(required + " is missing: install Debian's chromium and chromium-driver "
						+ "(scripts/test.sh does it: apt-get install -y --no-install-recommends chromium chromium-driver)");
			}
		}
		Path profile = Files.createTempDirectory("leaks-e2e-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + LAPTOP.getWidth() + ","
						+ LAPTOP.getHeight());
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(URI uri) {
		this.driver.get(uri.toString());
	}

	WebDriverWait waitAtMost(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(100));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Runs an asynchronous script: it ends by calling the callback Selenium passes as its
	 * last argument.
	 * @param script the script
	 * @param arguments its arguments, before the callback
	 * @return what the script passed to the callback
	 */
	Object asyncScript(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	void resize(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	/**
	 * Console messages and failed requests the page logged at error level since the last call.
	 * @return one line per error
	 */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Saves the whole page, not only the visible part, as a PNG.
	 * @param file where to write it
	 * @throws IOException if it cannot be written
	 */
	void screenshot(Path file) throws IOException {
		screenshot(file, Double.MAX_VALUE);
	}

	/**
	 * Saves the top of the page as a PNG.
	 * @param file where to write it
	 * @param maxHeight how much of the page, in CSS pixels from the top
	 * @throws IOException if it cannot be written
	 */
	void screenshot(Path file, double maxHeight) throws IOException {
		Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) content.get("width")).doubleValue(),
				"height", Math.min(maxHeight, ((Number) content.get("height")).doubleValue()), "scale", 1);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

}
