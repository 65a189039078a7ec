package io.leaks.demo.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedReportCacheTest {

	private final MovableClock clock = new MovableClock();

	private final BoundedReportCache cache = new BoundedReportCache(2, Duration.ofMinutes(5), this.clock);

	@Test
	void findShouldEvictTheLeastRecentlyUsedReport() {
		CachedReport first = render("first");
		CachedReport second = render("second");
		assertThat(render("first")).isSameAs(first);
		render("third");
		assertThat(this.cache.size()).isEqualTo(2);
		assertThat(render("first")).isSameAs(first);
		assertThat(render("second")).isNotSameAs(second);
	}

	@Test
	void findShouldRenderAgainOnceTheReportExpired() {
		CachedReport first = render("first");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(render("first")).isSameAs(first);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(render("first")).isNotSameAs(first);
	}

	private CachedReport render(String key) {
		CachedReport cached = this.cache.find(key);
		if (cached != null) {
			return cached;
		}
		CachedReport rendered = CachedReport.render(key, this.clock.instant());
		this.cache.put(rendered);
		return rendered;
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
