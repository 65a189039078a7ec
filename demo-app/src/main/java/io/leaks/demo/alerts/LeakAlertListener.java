package io.leaks.demo.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.leaks.analysis.AnalysisText;
import io.leaks.analysis.ClassFinding;
import io.leaks.analysis.LeakAnalyzedEvent;
import io.leaks.analysis.Owner;
import io.leaks.analysis.RootPath;
import io.leaks.trend.LeakClearedEvent;
import io.leaks.trend.LeakSuspectedEvent;
import io.leaks.trend.Suspect;
import io.leaks.unit.ByteSize;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a service owner would wire to a pager: each {@link LeakSuspectedEvent} becomes an
 * alert in the log, with the suspects, and is counted; each {@link LeakAnalyzedEvent} (the
 * analysis of the dump taken on the alert) says who holds the suspect. The last few of
 * both are kept for {@code GET /demo/alerts}.
 */
@Component
public class LeakAlertListener {

	private static final Log logger = LogFactory.getLog(LeakAlertListener.class);

	static final int KEPT = 20;

	private final AtomicLong raised = new AtomicLong();

	private final AtomicLong cleared = new AtomicLong();

	private final ArrayDeque<LeakAlert> recent = new ArrayDeque<>();

	private final ArrayDeque<AnalyzedLeak> analyzed = new ArrayDeque<>();

	@EventListener
	public void onLeakSuspected(LeakSuspectedEvent event) {
		List<String> suspects = event.getSuspects().stream().map(Suspect::className).toList();
		LeakAlert alert = new LeakAlert(Instant.now(), event.getResource(), event.getGrowthPerMinute(),
				event.getProjectedExhaustion(), suspects, event.getVerdict().reason());
		synchronized (this.recent) {
			if (this.recent.size() == KEPT) {
				this.recent.removeFirst();
			}
			this.recent.addLast(alert);
		}
		this.raised.incrementAndGet();
		String growth = "threads".equals(alert.resource())
				? String.format(Locale.ROOT, "%.1f threads/min", alert.growthPerMinute())
				: ByteSize.rate(alert.growthPerMinute(), ChronoUnit.MINUTES);
		logger.warn(String.format(Locale.ROOT, "LEAK ALERT: %s grows %s, runs out at %s; suspects %s. %s",
				alert.resource(), growth, alert.projectedExhaustion(), suspects, alert.reason()));
	}

	/**
	 * The analysis of the dump taken on the suspicion finished: who holds the suspect.
	 * @param event the event
	 */
	@EventListener
	public void onLeakAnalyzed(LeakAnalyzedEvent event) {
		Owner owner = event.getOwner();
		ClassFinding finding = event.getFinding();
		RootPath path = event.getTopPath();
		AnalyzedLeak leak = new AnalyzedLeak(Instant.now(), event.getAnalysis().id(), event.isDone(),
				(finding != null) ? finding.className() : null,
				(owner != null && finding != null) ? AnalysisText.owner(owner, finding.className()) : null,
				(path != null) ? AnalysisText.path(path) : null, event.getRetainedBytes(), event.getAnalysis().reason());
		synchronized (this.recent) {
			if (this.analyzed.size() == KEPT) {
				this.analyzed.removeFirst();
			}
			this.analyzed.addLast(leak);
		}
		logger.warn("LEAK ANALYZED: " + ((leak.owner() != null) ? leak.owner() + "; path " + leak.path()
				: "no owner found (" + leak.reason() + ")"));
	}

	@EventListener
	public void onLeakCleared(LeakClearedEvent event) {
		this.cleared.incrementAndGet();
		logger.info("Leak alert cleared: " + event.getResource() + ". " + event.getVerdict().reason());
	}

	/**
	 * The alerts so far.
	 * @return the counts and the last alerts, oldest first
	 */
	public Alerts alerts() {
		synchronized (this.recent) {
			return new Alerts(this.raised.get(), this.cleared.get(), List.copyOf(this.recent),
					List.copyOf(this.analyzed));
		}
	}

	/**
	 * The answer of {@code GET /demo/alerts}.
	 *
	 * @param count leak alerts raised since start
	 * @param cleared leak alerts cleared since start
	 * @param alerts the last alerts, oldest first
	 * @param analyzed the last analyses of the dumps taken on those alerts, oldest first
	 */
	public record Alerts(long count, long cleared, List<LeakAlert> alerts, List<AnalyzedLeak> analyzed) {

	}

}
