/**
 * A service that runs one workload scenario with the leaks starter and records what the
 * trend analysis sees, for the labelled trace library in {@code workloads/traces}.
 */
@NullMarked
package io.leaks.workloads;

import org.jspecify.annotations.NullMarked;
