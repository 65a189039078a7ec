package io.leaks.demo.cache;

import java.time.Clock;
import java.time.Duration;

import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.SequentialPattern;
import io.leaks.demo.pattern.Variant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Renders a report per request and caches it under a key unique to the request.
 */
@Component
@Order(1)
public class CachePattern extends SequentialPattern {

	static final int MAX_ENTRIES = 100;

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	private final Clock clock;

	private final ReportCache unbounded = new UnboundedReportCache();

	private final ReportCache bounded;

	public CachePattern() {
		this(Clock.systemUTC());
	}

	CachePattern(Clock clock) {
		super(new PatternInfo("cache", "Unbounded cache", CachedReport.class,
				"A static map caches every rendered report under a key unique to the request and never evicts",
				"A LinkedHashMap in access order keeps the " + MAX_ENTRIES
						+ " most recently used reports and renders again those older than " + TIME_TO_LIVE.toMinutes()
						+ " minutes",
				MAX_ENTRIES));
		this.clock = clock;
		this.bounded = new BoundedReportCache(MAX_ENTRIES, TIME_TO_LIVE, clock);
	}

	@Override
	protected long runLeaking(long operation) {
		return serveReport(this.unbounded, operation);
	}

	@Override
	protected long runFixed(long operation) {
		return serveReport(this.bounded, operation);
	}

	private long serveReport(ReportCache cache, long operation) {
		String key = "/reports/daily?customer=42&requestId=" + operation;
		if (cache.find(key) != null) {
			return 0;
		}
		cache.put(CachedReport.render(key, this.clock.instant()));
		return 1;
	}

	@Override
	public long retained(Variant variant) {
		return cache(variant).size();
	}

	@Override
	public void reset() {
		this.unbounded.clear();
		this.bounded.clear();
	}

	private ReportCache cache(Variant variant) {
		return (variant == Variant.LEAKING) ? this.unbounded : this.bounded;
	}

}
