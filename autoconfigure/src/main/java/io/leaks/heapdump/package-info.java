/**
 * Heap dumps that are safe to take in production: the JVM-specific dumper behind a small
 * seam, a directory that only ever holds files named by us, free-space checks, retention
 * and one dump at a time.
 */
@NullMarked
package io.leaks.heapdump;

import org.jspecify.annotations.NullMarked;
