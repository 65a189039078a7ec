package io.leaks.web;

import java.util.ArrayList;
import java.util.List;
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
 * version in the template).
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks",
				"management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class LeaksDashboardWebTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]+(?:src|href)=\"(/[^\"]+)\"");

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
			.contains("<meta name=\"leaks-resources\" content=\"snapshots compare gc heapdumps tuning trend history\">")
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
	void chartJsShouldBeServedWithoutAVersionInThePath() {
		ResponseEntity<String> chart = this.rest.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class);
		assertThat(chart.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(chart.getBody()).contains("Chart.js v4.5.1");
	}

	@Test
	void pageShouldBeServedOnlyAtItsPath() {
		assertThat(this.rest.getForEntity("/leaks/", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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
