package io.leaks.web;

import java.util.List;

import io.leaks.actuate.LeaksTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom page path, actuator base path and servlet context path: the page is where the
 * property says, and the endpoint URL and asset links it renders include both prefixes.
 * With the trend analysis off, the page is told not to ask for its resources.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks", "management.endpoints.web.base-path=/manage",
				"server.servlet.context-path=/app", "leaks.dashboard.path=/ops/memory",
				"leaks.dashboard.poll-interval=2s", "leaks.trend.enabled=false" })
@AutoConfigureTestRestTemplate
class LeaksDashboardCustomPathWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void pageShouldBeServedAtTheConfiguredPathAndNameTheMovedEndpoint() {
		ResponseEntity<String> page = this.rest.getForEntity("/ops/memory", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<meta name=\"leaks-endpoint\" content=\"/app/manage/leaks\">")
			.contains("<meta name=\"leaks-poll-millis\" content=\"2000\">")
			.as("no trend or history with the trend analysis off")
			.contains("<meta name=\"leaks-resources\" content=\"snapshots compare gc heapdumps analyses tuning allocations\">");
		assertThat(this.rest.getForEntity("/leaks", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void assetLinksShouldIncludeTheContextPathAndBeServed() {
		List<String> assets = LeaksDashboardWebTests.assets(this.rest.getForObject("/ops/memory", String.class));
		assertThat(assets).isNotEmpty().allMatch((asset) -> asset.startsWith("/app/"));
		for (String asset : assets) {
			String withinContext = asset.substring("/app".length());
			assertThat(this.rest.getForEntity(withinContext, String.class).getStatusCode()).as(asset)
				.isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void modulesShouldBeImportedFromWithinTheContextPath() {
		assertThat(this.rest.getForObject("/ops/memory", String.class)).contains("src=\"/app/leaks/dashboard.js\"");
		// Relative imports resolve against the entry's URL, which already carries the context path.
		assertThat(LeaksDashboardWebTests.modules(this.rest, "/leaks/dashboard.js")).contains("/leaks/lib/page.js");
	}

	@Test
	void endpointShouldAnswerWhereThePageSaysItIs() {
		ResponseEntity<String> overview = this.rest.getForEntity("/manage/leaks", String.class);
		assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(overview.getBody()).contains("\"access\":\"READ_ONLY\"");
	}

}
