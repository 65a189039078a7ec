package io.leaks.demo.driver;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the load driver does, or did last.
 *
 * @param running whether it runs now
 * @param pattern the pattern it runs or ran, {@code null} before the first start
 * @param variant the variant it runs or ran
 * @param perSecond operations per second asked for
 * @param operations operations run since it was started
 * @param startedAt when it was started
 * @param message its state in a sentence
 */
public record DriverStatus(boolean running, @Nullable String pattern, @Nullable String variant, int perSecond,
		long operations, @Nullable Instant startedAt, String message) {

	static DriverStatus idle() {
		return new DriverStatus(false, null, null, 0, 0, null,
				"Not started: POST /demo/driver?pattern=cache&variant=leaking&perSecond=50 starts it");
	}

}
