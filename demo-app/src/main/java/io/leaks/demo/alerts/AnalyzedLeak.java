package io.leaks.demo.alerts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code LeakAnalyzedEvent} said: who holds the main suspect.
 *
 * @param at when the analysis finished
 * @param analysis the analysis's id ({@code GET /actuator/leaks/analyses/{id}})
 * @param done whether it has a result
 * @param className the main suspect
 * @param owner the owner in words
 * @param path the path most instances share, in words
 * @param retainedBytes what the owner retains
 * @param reason why it failed, if it did
 */
public record AnalyzedLeak(Instant at, String analysis, boolean done, @Nullable String className,
		@Nullable String owner, @Nullable String path, long retainedBytes, @Nullable String reason) {

}
