package io.leaks.gc;

import java.time.Instant;
import java.util.List;

/**
 * Published after VM flags were changed at runtime, once per request.
 *
 * @param trigger what asked for it: {@code flag MaxHeapFreeRatio} or
 * {@code preset aggressive}
 * @param changes each flag changed, in the order applied
 * @param changedAt when the change was applied
 */
public record GcTuningChangedEvent(String trigger, List<FlagChange> changes, Instant changedAt) {

}
