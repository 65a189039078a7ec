package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A metrics registry whose tags include a request id, so every request adds a time series
 * that is never removed: the cardinality leak, a few MB an hour.
 */
public final class SlowLeak extends SteadyLeak {

	static final int BUCKETS = 124;

	/** The slowest default: a free heap filled in eight hours... */
	static final Duration FILL = Duration.ofHours(8);

	/** ...but never faster than this, however big the heap. */
	static final Rate FASTEST_DEFAULT = Rate.ofBytes(64 << 20, Duration.ofHours(1));

	private final Map<SeriesKey, MetricSeries> registry = new HashMap<>();

	public SlowLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(slowest(settings), "slow-leak"), settings.onsetOr(Duration.ZERO), BUCKETS * 8 + 96);
	}

	private static Rate slowest(ScenarioSettings settings) {
		Rate filling = Rate.ofBytes(settings.heap().free(), FILL);
		return (filling.perSecond() < FASTEST_DEFAULT.perSecond()) ? filling : FASTEST_DEFAULT;
	}

	@Override
	void keep(long index) {
		this.registry.put(new SeriesKey("http.server.requests", "req-" + index), new MetricSeries(new long[BUCKETS]));
	}

	@Override
	void drop() {
		this.registry.clear();
	}

	@Override
	public String describe() {
		return "slow leak: a metrics registry keeps a MetricSeries (1 KiB) per request id tag " + pace();
	}

	/**
	 * A series' identity.
	 *
	 * @param name the meter's name
	 * @param tag the tag that should never have been one
	 */
	record SeriesKey(String name, String tag) {

	}

	/**
	 * A histogram series.
	 *
	 * @param buckets its counts
	 */
	record MetricSeries(long[] buckets) {

	}

}
