/**
 * The soak: what each service of a soak run did, read from its trace and GC log, against
 * what issue 9 asks of the analyzer.
 */
@NullMarked
package io.leaks.workloads.soak;

import org.jspecify.annotations.NullMarked;
