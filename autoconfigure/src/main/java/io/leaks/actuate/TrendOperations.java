package io.leaks.actuate;

import io.leaks.trend.GcEventRecorder;
import io.leaks.trend.LeakWatch;

import org.springframework.util.Assert;

/**
 * The trend analysis: {@code /trend} and {@code /history}.
 */
public final class TrendOperations implements LeaksOperations {

	/** What {@code /trend} and {@code /history} answer while the analysis is off. */
	static final String OFF = "The trend analysis is off: it needs leaks.trend.enabled=true (the default) and "
			+ "leaks.enabled=true";

	private final LeakWatch watch;

	private final GcEventRecorder recorder;

	/**
	 * Creates the operations.
	 * @param watch the analysis
	 * @param recorder the recorded collections
	 */
	public TrendOperations(LeakWatch watch, GcEventRecorder recorder) {
		Assert.notNull(watch, "'watch' must not be null");
		Assert.notNull(recorder, "'recorder' must not be null");
		this.watch = watch;
		this.recorder = recorder;
	}

	TrendResponse trend() {
		return TrendResponse.of(this.watch);
	}

	HistoryResponse history() {
		return HistoryResponse.of(this.watch, this.recorder.events());
	}

}
