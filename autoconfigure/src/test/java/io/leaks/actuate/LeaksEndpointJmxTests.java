package io.leaks.actuate;

import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint is a plain actuator endpoint, so JMX exposes it too.
 */
@SpringBootTest(classes = LeaksTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=leaks",
				"spring.jmx.default-domain=leaks-jmx-test" })
class LeaksEndpointJmxTests {

	@Autowired
	private MBeanServer mbeanServer;

	@Test
	void overviewShouldBeAvailableOverJmx() throws Exception {
		ObjectName name = new ObjectName("leaks-jmx-test:type=Endpoint,name=Leaks");
		assertThat(this.mbeanServer.isRegistered(name)).isTrue();
		Object overview = this.mbeanServer.invoke(name, "overview", new Object[0], new String[0]);
		assertThat(overview).isInstanceOf(Map.class);
		assertThat((Map<String, Object>) overview).containsKeys("heap", "pools", "collectors", "supports");
	}

}
