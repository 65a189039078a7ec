package io.leaks.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Stands where the dashboard would, in a host that left out the libraries the page needs,
 * and says so once at start-up: the endpoint, trend analysis, events and meters do not need
 * them.
 */
public final class LeaksDashboardUnavailable implements InitializingBean {

	private static final Log logger = LogFactory.getLog(LeaksDashboardUnavailable.class);

	private final List<String> missing;

	public LeaksDashboardUnavailable(List<String> missing) {
		this.missing = List.copyOf(missing);
	}

	/**
	 * The libraries that are missing.
	 * @return their names, as a host adds them
	 */
	public List<String> missing() {
		return this.missing;
	}

	@Override
	public void afterPropertiesSet() {
		logger.info("The leaks dashboard page is off: " + String.join(", ", this.missing)
				+ " not on the classpath. The leaks endpoint, trend analysis, events and meters work without it; "
				+ "add the missing libraries (the leaks starter brings them) to serve the page");
	}

}
