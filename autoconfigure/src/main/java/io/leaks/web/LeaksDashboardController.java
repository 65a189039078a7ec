package io.leaks.web;

import java.time.Duration;
import java.util.List;

import io.leaks.actuate.LeaksEndpointPath;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.util.Assert;

/**
 * Serves the dashboard page at {@code leaks.dashboard.path}. The page is only a shell: it
 * holds no data, and everything it shows or changes goes through the {@code leaks}
 * actuator endpoint from the browser, so the endpoint's access level and whatever security
 * protects {@code /actuator/**} apply to the page's data and actions as well. It is
 * mapped by {@link LeaksDashboardMapping}, which leaves the path to the application when
 * the application maps it itself.
 */
public class LeaksDashboardController {

	static final String VIEW = "leaks/dashboard";

	private final LeaksEndpointPath endpointPath;

	private final Duration pollInterval;

	private final List<String> resources;

	/**
	 * Creates the controller.
	 * @param endpointPath where the endpoint is mapped
	 * @param pollInterval how often the page reads the endpoint
	 * @param resources the optional sub-resources the endpoint serves in this application
	 * ({@code history}, {@code trend}, {@code heapdumps}, {@code tuning}): the page asks for
	 * no other, so a feature that is off shows an empty state instead of a 404
	 */
	public LeaksDashboardController(LeaksEndpointPath endpointPath, Duration pollInterval, List<String> resources) {
		Assert.notNull(endpointPath, "'endpointPath' must not be null");
		Assert.notNull(pollInterval, "'pollInterval' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		this.endpointPath = endpointPath;
		this.pollInterval = pollInterval;
		this.resources = List.copyOf(resources);
	}

	public String dashboard(Model model, HttpServletResponse response) {
		// The page may carry a CSRF token: keep it out of shared caches and the back-forward cache.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("leaksEndpoint", this.endpointPath.path());
		model.addAttribute("leaksPollMillis", this.pollInterval.toMillis());
		model.addAttribute("leaksResources", String.join(" ", this.resources));
		return VIEW;
	}

}
