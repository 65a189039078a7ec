package io.leaks.demo.alerts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One alert raised by a {@code LeakSuspectedEvent}.
 *
 * @param at when the alert was raised
 * @param resource what leaks: {@code heap}, {@code metaspace} or {@code threads}
 * @param growthPerMinute growth, bytes (or threads) per minute
 * @param projectedExhaustion when it runs out at that pace, if it can be projected
 * @param suspects the suspected classes, most suspicious first
 * @param reason the starter's verdict in a sentence
 */
public record LeakAlert(Instant at, String resource, double growthPerMinute, @Nullable Instant projectedExhaustion,
		List<String> suspects, String reason) {

}
