package io.leaks.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Access;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up line for each way the endpoint and the dashboard can end up.
 */
class LeaksStartupReportTests {

	@Test
	void exposedWithTheDashboardShouldSayWhereBothAre() {
		assertThat(line(Access.UNRESTRICTED, true, "http://localhost:8080/actuator/leaks", null, true,
				"http://localhost:8080/leaks", null))
			.isEqualTo("leaks: endpoint at http://localhost:8080/actuator/leaks (unrestricted access), dashboard at "
					+ "http://localhost:8080/leaks");
	}

	@Test
	void readOnlyShouldNameThePropertyThatGrantsTheWrites() {
		assertThat(line(Access.READ_ONLY, true, "http://localhost:8080/actuator/leaks", null, true,
				"http://localhost:8080/leaks", null))
			.contains("(read-only: snapshots, GC, heap dumps and tuning need "
					+ "management.endpoint.leaks.access=unrestricted)");
	}

	@Test
	void notExposedShouldNameThePropertyToSet() {
		assertThat(line(Access.READ_ONLY, false, null, null, true, null, null))
			.isEqualTo("leaks: the endpoint is not exposed over HTTP: add leaks to "
					+ "management.endpoints.web.exposure.include to reach it; no dashboard without it");
		assertThat(line(Access.READ_ONLY, true, null, null, true, null, null)).contains("(only over JMX)");
		assertThat(line(Access.NONE, false, null, null, true, null, null))
			.contains("management.endpoint.leaks.access=none");
	}

	@Test
	void onAManagementPortShouldSayWhichAndWhyThereIsNoDashboard() {
		assertThat(line(Access.UNRESTRICTED, true, "http://localhost:9090/actuator/leaks", 9090, true, null, null))
			.isEqualTo("leaks: endpoint at http://localhost:9090/actuator/leaks on the management port "
					+ "(management.server.port=9090) (unrestricted access); no dashboard: it is only served beside "
					+ "the endpoint, on the application's port");
	}

	@Test
	void aDashboardThatIsOffOrBackedOffShouldSayWhy() {
		assertThat(line(Access.UNRESTRICTED, true, "http://h/actuator/leaks", null, false, null, null))
			.endsWith("; no dashboard: leaks.dashboard.enabled=false");
		assertThat(line(Access.UNRESTRICTED, true, "http://h/actuator/leaks", null, true, null,
				"the application already maps GET /leaks"))
			.endsWith("; no dashboard: the application already maps GET /leaks");
		assertThat(line(Access.UNRESTRICTED, true, "http://h/actuator/leaks", null, true, null, null))
			.endsWith("; no dashboard: it needs Spring MVC and Thymeleaf (spring-boot-starter-webmvc and "
					+ "spring-boot-starter-thymeleaf)");
	}

	private static String line(Access access, boolean present, String endpointUrl, Integer managementPort,
			boolean dashboardEnabled, String dashboardUrl, String refusal) {
		return LeaksStartupReport.describe(new LeaksStartupReport.Facts(access, present, endpointUrl, managementPort,
				dashboardEnabled, dashboardUrl, refusal));
	}

}
