package io.leaks.web;

import io.leaks.actuate.LeaksTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that already maps the dashboard's path: it starts, its own page keeps the
 * path, and the dashboard backs off with a warning naming the property to change.
 */
@SpringBootTest(classes = { LeaksTestApplication.class, LeaksDashboardPathTakenWebTests.HostPages.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.endpoints.web.exposure.include=leaks")
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
class LeaksDashboardPathTakenWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private LeaksDashboardMapping mapping;

	@Test
	void theApplicationsPageShouldKeepThePathAndTheDashboardBackOff() {
		ResponseEntity<String> page = this.rest.getForEntity("/leaks", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).isEqualTo("the application's own leaks page");
		assertThat(this.mapping.servedPath()).isNull();
		assertThat(this.mapping.refusal()).contains("the application already maps GET /leaks")
			.contains(HostPages.class.getName())
			.contains("set leaks.dashboard.path");
		assertThat(this.rest.getForEntity("/actuator/leaks", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theStartUpLineShouldSayWhyThereIsNoDashboard(CapturedOutput output) {
		assertThat(output).contains("leaks: endpoint at http://localhost:")
			.contains("; no dashboard: the application already maps GET /leaks");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class HostPages {

		@GetMapping("/leaks")
		String leaks() {
			return "the application's own leaks page";
		}

	}

}
