/**
 * The trace library: what a recorded workload trace shows, and its labelled row in
 * {@code labels.csv}.
 */
@NullMarked
package io.leaks.workloads.library;

import org.jspecify.annotations.NullMarked;
