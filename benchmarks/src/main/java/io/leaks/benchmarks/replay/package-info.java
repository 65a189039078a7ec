/**
 * Replays recorded traces through the production path: the same GC notification recorder,
 * watch and analyzer the starter runs, on the trace's clock, with simulated live
 * histograms; and scores the verdicts against labels beside three baseline rules.
 */
@NullMarked
package io.leaks.benchmarks.replay;

import org.jspecify.annotations.NullMarked;
