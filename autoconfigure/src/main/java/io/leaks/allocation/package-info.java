/**
 * Where objects are allocated, from a short in-process JFR recording: allocation sites per
 * class (the first application frame of sampled allocations) and the reference chains of
 * old-object samples with their GC roots. The aggregation is plain Java; JFR sits behind
 * {@link io.leaks.allocation.AllocationRecorder}. No Spring here.
 */
@NullMarked
package io.leaks.allocation;

import org.jspecify.annotations.NullMarked;
