package io.leaks.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.leaks.trend.LeakWatch;
import io.leaks.trend.Projection;
import io.leaks.trend.Suspect;
import io.leaks.trend.TrendReport;
import io.leaks.trend.Verdict;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * The {@code leaks} health contributor: the verdict, growth and projection of each
 * resource in its details. A suspected leak leaves the application UP unless asked
 * otherwise: a liveness probe that restarts the process would destroy the evidence (and
 * the heap dump that might be under way).
 */
public class LeaksHealthIndicator extends AbstractHealthIndicator {

	private final LeakWatch watch;

	private final boolean downOnLeak;

	/**
	 * Creates the contributor.
	 * @param watch the trend analysis
	 * @param downOnLeak whether a suspected leak makes the application DOWN
	 */
	public LeaksHealthIndicator(LeakWatch watch, boolean downOnLeak) {
		super("Leaks health check failed");
		Assert.notNull(watch, "'watch' must not be null");
		this.watch = watch;
		this.downOnLeak = downOnLeak;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TrendReport report = this.watch.report();
		boolean leak = false;
		for (TrendReport.ResourceState resource : report.resources()) {
			leak |= resource.leak();
			builder.withDetail(resource.resource(), details(resource));
		}
		if (leak && this.downOnLeak) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

	private Map<String, Object> details(TrendReport.ResourceState resource) {
		Verdict shown = resource.shown();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", resource.status().name());
		details.put("finding", shown.finding().name());
		if (shown.severity() != null) {
			details.put("severity", shown.severity().name());
		}
		details.put("growthPerMinute", Math.round(shown.growthPerMinute()));
		Projection projection = shown.projection();
		if (projection != null) {
			details.put("projectedExhaustion", this.watch.instant(projection.exhaustionAtMillis()).toString());
		}
		details.put("reason", shown.reason());
		if (!resource.suspects().isEmpty()) {
			details.put("suspects", resource.suspects().stream().limit(3).map(Suspect::displayName).toList());
		}
		return details;
	}

}
