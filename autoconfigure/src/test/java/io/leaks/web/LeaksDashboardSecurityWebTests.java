package io.leaks.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe docs/dashboard.md gives for Spring Security: one rule protects the endpoint and
 * the page alike, and the page hands the CSRF token to its own requests. Runs in its own
 * surefire execution because Spring Security on the classpath would secure every other
 * test's application too.
 */
@Tag("security")
@SpringBootTest(classes = SecuredApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
				"management.endpoints.web.exposure.include=leaks", "management.endpoint.leaks.access=unrestricted" })
@AutoConfigureTestRestTemplate
class LeaksDashboardSecurityWebTests {

	private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\">");

	@Autowired
	private TestRestTemplate rest;

	@Test
	void pageShouldNeedTheEndpointsRole() {
		assertThat(this.rest.getForEntity("/leaks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("dev", "dev").getForEntity("/leaks", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("ops", "ops").getForEntity("/leaks", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void writeShouldSucceedWithTheTokenThePageCarriesAndFailWithoutIt() {
		TestRestTemplate ops = this.rest.withBasicAuth("ops", "ops");
		ResponseEntity<String> page = ops.getForEntity("/leaks", String.class);
		Map<String, String> csrf = csrfMeta(page.getBody());
		assertThat(csrf).containsEntry("_csrf_header", "X-CSRF-TOKEN").containsKey("_csrf");
		List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).as("session that holds the token").isNotEmpty();

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.COOKIE, cookies.get(0).split(";", 2)[0]);
		ResponseEntity<String> withoutToken = ops.exchange("/actuator/leaks/gc", HttpMethod.POST,
				new HttpEntity<>("{}", headers), String.class);
		assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		headers.set(csrf.get("_csrf_header"), csrf.get("_csrf"));
		ResponseEntity<String> withToken = ops.exchange("/actuator/leaks/gc", HttpMethod.POST,
				new HttpEntity<>("{}", headers), String.class);
		assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withToken.getBody()).contains("\"freedBytes\"");
	}

	@Test
	void endpointShouldNeedTheSameRole() {
		assertThat(this.rest.withBasicAuth("dev", "dev").getForEntity("/actuator/leaks", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("ops", "ops").getForEntity("/actuator/leaks", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private static Map<String, String> csrfMeta(String page) {
		Map<String, String> meta = new HashMap<>();
		Matcher matcher = META.matcher(page);
		while (matcher.find()) {
			meta.put(matcher.group(1), matcher.group(2));
		}
		return meta;
	}

}
