/**
 * Traces: what the trend analysis saw in a running JVM (every collection as its GC
 * notification reported it, the periodic memory samples, the live histograms, the
 * judgements and events), written as it happens to a small, versioned, compressed file,
 * and read back for replay through the same analysis.
 */
@NullMarked
package io.leaks.trace;

import org.jspecify.annotations.NullMarked;
