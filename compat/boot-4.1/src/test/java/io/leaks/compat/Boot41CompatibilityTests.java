package io.leaks.compat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter, built against Spring Boot 4.0, in an application on Boot 4.1 over real HTTP:
 * the endpoint reads and writes, the trend analysis judges the running JVM, the meters are
 * scraped, and the dashboard page and its Chart.js are served.
 */
@SpringBootTest(classes = CompatApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,leaks,prometheus",
				"management.endpoint.leaks.access=unrestricted", "leaks.trend.interval=200ms",
				"leaks.trend.warmup=0s", "leaks.trend.min-evidence=1m" })
@AutoConfigureTestRestTemplate
class Boot41CompatibilityTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void applicationShouldRunOnBoot41() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.1.");
	}

	@Test
	void endpointShouldAnswerTheOverviewAndTakeSnapshots() {
		ResponseEntity<Map> overview = this.rest.getForEntity("/actuator/leaks", Map.class);
		assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(overview.getBody()).containsKeys("heap", "pools", "collectors", "supports");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> created = this.rest.postForEntity("/actuator/leaks/snapshots",
				new HttpEntity<>("{\"label\":\"on_boot_41\",\"liveOnly\":false}", headers), Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(((Number) created.getBody().get("classCount")).intValue()).isPositive();
		ResponseEntity<Map> refused = this.rest.getForEntity("/actuator/leaks/snapshots/on_boot_41?top=0", Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message")).contains("top must be from 1 to 10000");
	}

	@Test
	void trendShouldJudgeTheRunningJvm() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> trend = this.rest.getForEntity("/actuator/leaks/trend", Map.class).getBody();
			assertThat(String.valueOf(trend.get("reason"))).doesNotStartWith("Not judged");
			assertThat(trend.get("status")).isIn("COLLECTING", "STABLE");
		});
		Map<String, Object> history = this.rest.getForEntity("/actuator/leaks/history", Map.class).getBody();
		assertThat((List<?>) history.get("samples")).isNotEmpty();
	}

	@Test
	void metersShouldBeScraped() {
		String scrape = this.rest.getForObject("/actuator/prometheus", String.class);
		assertThat(scrape).contains("leaks_suspected{resource=\"heap\",severity=\"hours\"}", "leaks_heap_growth_rate_bytes_per_second",
				"leaks_heap_time_to_exhaustion_seconds", "leaks_memory_limit_bytes");
	}

	@Test
	void dashboardShouldServeItsPageAndChartJs() {
		ResponseEntity<String> page = this.rest.getForEntity("/leaks", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("content=\"/actuator/leaks\"");
		// Boot 4.1 links the webjar with its version in the path; both forms must be served.
		Matcher chartScript = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]*chart\\.umd\\.js)\"").matcher(page.getBody());
		assertThat(chartScript.find()).as(page.getBody()).isTrue();
		for (String path : List.of(chartScript.group(1), "/webjars/chart.js/dist/chart.umd.js")) {
			ResponseEntity<String> chart = this.rest.getForEntity(path, String.class);
			assertThat(chart.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(chart.getBody()).as(path).contains("Chart");
		}
		Matcher dashboardScript = Pattern.compile("src=\"(/leaks/dashboard[^\"]*\\.js)\"").matcher(page.getBody());
		assertThat(dashboardScript.find()).as(page.getBody()).isTrue();
		ResponseEntity<String> script = this.rest.getForEntity(dashboardScript.group(1), String.class);
		assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
		// The page is ES modules: every module the entry point imports must be served too.
		Matcher imports = Pattern.compile("from '\\./([^']+\\.js)'").matcher(script.getBody());
		StringBuilder modules = new StringBuilder();
		while (imports.find()) {
			ResponseEntity<String> module = this.rest.getForEntity("/leaks/" + imports.group(1), String.class);
			assertThat(module.getStatusCode()).as(imports.group(1)).isEqualTo(HttpStatus.OK);
			modules.append(module.getBody());
		}
		assertThat(modules).as("the panels read the trend").contains("trend");
	}

}
