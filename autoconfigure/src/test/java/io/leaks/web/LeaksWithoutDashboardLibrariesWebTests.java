package io.leaks.web;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.leaks.actuate.LeaksTestApplication;
import io.leaks.trend.LeakWatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A host that excluded Thymeleaf, the Chart.js webjar and the webjars locator, for real:
 * the "no-dashboard-libraries" surefire execution leaves their jars off the classpath. The
 * endpoint, the trend analysis with its events and the meters work; the page is not served,
 * and the one start-up INFO line says why.
 */
@Tag("no-dashboard-libraries")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=leaks,prometheus", "leaks.trend.interval=200ms",
				"leaks.trend.warmup=0s" })
@AutoConfigureTestRestTemplate
class LeaksWithoutDashboardLibrariesWebTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private ApplicationContext context;

	@Test
	void librariesShouldReallyBeMissing() {
		assertThat(ClassUtils.isPresent("org.thymeleaf.TemplateEngine", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.webjars.WebJarVersionLocator", null)).isFalse();
		assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/chart.js")).isNull();
	}

	@Test
	void endpointTrendEventsAndMetersShouldWork() {
		assertThat(this.rest.getForEntity("/actuator/leaks", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !String.valueOf(this.rest.getForEntity("/actuator/leaks/trend", Map.class).getBody().get("reason"))
				.startsWith("Not judged"));
		assertThat(this.context.getBeansOfType(LeakWatch.class)).hasSize(1);
		assertThat(this.rest.getForObject("/actuator/prometheus", String.class)).contains("leaks_suspected{");
	}

	@Test
	void dashboardShouldBeOffAndSaySoOnce(CapturedOutput output) {
		assertThat(this.rest.getForEntity("/leaks", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.context.getBeansOfType(LeaksDashboardController.class)).isEmpty();
		assertThat(this.context.getBean(LeaksDashboardUnavailable.class).missing()).hasSize(3);
		String line = "no dashboard: Thymeleaf (spring-boot-starter-thymeleaf), the Chart.js webjar "
				+ "(org.webjars.npm:chart.js), the webjars locator (org.webjars:webjars-locator-lite) not on the classpath";
		assertThat(output.getOut().split(Pattern.quote(line), -1)).as(output.getOut()).hasSize(2);
	}

}
