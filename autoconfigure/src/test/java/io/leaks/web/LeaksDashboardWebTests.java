package io.leaks.web;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leaks.actuate.LeaksTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page over real HTTP with the defaults: it names the endpoint it reads, and every
 * script and stylesheet it links to is served (Chart.js from the webjar, without a
 * version in the template), as is every ES module its entry point imports.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class LeaksDashboardWebTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]+(?:src|href)=\"(/[^\"]+)\"");

	private static final Pattern RELATIVE_IMPORT = Pattern.compile("\\bfrom\\s+'(\\.\\.?/[^']+)'");

	@Autowired
	private TestRestTemplate rest;

	@Test
	void pageShouldRenderWithTheEndpointPathAndPollInterval() {
		ResponseEntity<String> page = this.rest.getForEntity("/leaks", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(page.getBody()).contains("<meta name=\"leaks-endpoint\" content=\"/actuator/leaks\">")
			.contains("<meta name=\"leaks-poll-millis\" content=\"5000\">")
			.contains("<meta name=\"leaks-resources\" content=\"snapshots compare gc heapdumps analyses tuning trend history allocations\">")
			.doesNotContain("name=\"_csrf\"");
	}

	@Test
	void everyAssetThePageLinksShouldBeServed() {
		List<String> assets = assets(this.rest.getForObject("/leaks", String.class));
		assertThat(assets).anyMatch((asset) -> asset.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.js"))
			.contains("/leaks/dashboard.js", "/leaks/dashboard.css");
		for (String asset : assets) {
			ResponseEntity<String> response = this.rest.getForEntity(asset, String.class);
			assertThat(response.getStatusCode()).as(asset).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).as(asset).isNotBlank();
		}
	}

	@Test
	void pageShouldLoadItsScriptAsAModule() {
		assertThat(this.rest.getForObject("/leaks", String.class))
			.contains("<script type=\"module\" src=\"/leaks/dashboard.js\"></script>");
	}

	@Test
	void everyModuleTheEntryPointImportsShouldBeServedAsJavaScript() {
		assertThat(modules(this.rest, "/leaks/dashboard.js")).contains("/leaks/lib/format.js", "/leaks/lib/api.js",
				"/leaks/lib/poller.js", "/leaks/panels/verdict.js", "/leaks/panels/heap.js");
	}

	@Test
	void chartJsShouldBeServedWithoutAVersionInThePath() {
		ResponseEntity<String> chart = this.rest.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class);
		assertThat(chart.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(chart.getBody()).contains("Chart.js v4.5.1");
	}

	@Test
	void pageShouldBeServedOnlyAtItsPath() {
		assertThat(this.rest.getForEntity("/leaks/", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * Follows the relative imports from an entry module, asserting that each module is served
	 * with a JavaScript content type (browsers refuse to run a module served as anything else).
	 * @param rest the client
	 * @param entry path of the entry module
	 * @return the paths of every module reached, the entry first
	 */
	static Set<String> modules(TestRestTemplate rest, String entry) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(entry));
		while (!pending.isEmpty()) {
			String module = pending.pop();
			if (!seen.add(module)) {
				continue;
			}
			ResponseEntity<String> response = rest.getForEntity(module, String.class);
			assertThat(response.getStatusCode()).as(module).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().getContentType()).as(module)
				.satisfies((type) -> assertThat(type.getSubtype()).isEqualTo("javascript"));
			Matcher matcher = RELATIVE_IMPORT.matcher(response.getBody());
			while (matcher.find()) {
				pending.add(URI.create(module).resolve(matcher.group(1)).getPath());
			}
		}
		return seen;
	}

	static List<String> assets(String page) {
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		return assets;
	}

}
