package io.leaks.demo.alerts;

import java.time.Instant;
import java.util.List;

import io.leaks.trend.Basis;
import io.leaks.trend.Evidence;
import io.leaks.trend.Finding;
import io.leaks.trend.Grounds;
import io.leaks.trend.LeakClearedEvent;
import io.leaks.trend.LeakSuspectedEvent;
import io.leaks.trend.Resource;
import io.leaks.trend.Severity;
import io.leaks.trend.Suspect;
import io.leaks.trend.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeakAlertListenerTest {

	private final LeakAlertListener listener = new LeakAlertListener();

	@Test
	void eachSuspectedLeakShouldBeCountedWithItsSuspects() {
		Verdict verdict = leak(Resource.HEAP, 2_000_000,
				new Evidence(Basis.CONFIRMED, 0, 60_000, 3, List.of("LIVE_HISTOGRAM"), 3, 1, 10, 20, 0.001, 1), 60_000);
		Suspect suspect = new Suspect("io.leaks.demo.cache.CachedReport", "io.leaks.demo.cache.CachedReport", 1000,
				24_000, 3000, 72_000, false);
		Instant exhaustion = Instant.parse("2030-01-01T00:00:00Z");
		this.listener.onLeakSuspected(new LeakSuspectedEvent(this, verdict, exhaustion, List.of(suspect), List.of()));
		this.listener.onLeakCleared(new LeakClearedEvent(this, verdict, exhaustion));
		LeakAlertListener.Alerts alerts = this.listener.alerts();
		assertThat(alerts.count()).isEqualTo(1);
		assertThat(alerts.cleared()).isEqualTo(1);
		LeakAlert alert = alerts.alerts().get(0);
		assertThat(alert.resource()).isEqualTo("heap");
		assertThat(alert.suspects()).containsExactly("io.leaks.demo.cache.CachedReport");
		assertThat(alert.projectedExhaustion()).isEqualTo(exhaustion);
		assertThat(alert.reason()).isEqualTo(verdict.reason()).startsWith("Leak");
	}

	@Test
	void onlyTheLastAlertsShouldBeKept() {
		Verdict verdict = leak(Resource.THREADS, 1,
				new Evidence(Basis.SAMPLES, 0, 1, 8, List.of("SAMPLE"), 3, 1, 1, 2, 0.001, 0), 1);
		for (int i = 0; i < LeakAlertListener.KEPT + 5; i++) {
			this.listener.onLeakSuspected(new LeakSuspectedEvent(this, verdict, null, List.of(), List.of()));
		}
		assertThat(this.listener.alerts().count()).isEqualTo(LeakAlertListener.KEPT + 5);
		assertThat(this.listener.alerts().alerts()).hasSize(LeakAlertListener.KEPT);
	}

	private static Verdict leak(Resource resource, double perMinute, Evidence evidence, long at) {
		Verdict.Facts facts = new Verdict.Facts(evidence.points(), evidence.spanMillis(), 0, 0, 0, 0, -1, 0, List.of(),
				0, 0, 0, false);
		return new Verdict(resource, Finding.GROWING, perMinute, null, Severity.DAYS, Grounds.LONG, evidence, facts,
				false, at);
	}

}
