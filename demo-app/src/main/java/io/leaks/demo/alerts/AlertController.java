package io.leaks.demo.alerts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /demo/alerts}: the leak alerts the demo has raised.
 */
@RestController
public class AlertController {

	private final LeakAlertListener listener;

	public AlertController(LeakAlertListener listener) {
		this.listener = listener;
	}

	@GetMapping("/demo/alerts")
	public LeakAlertListener.Alerts alerts() {
		return this.listener.alerts();
	}

}
