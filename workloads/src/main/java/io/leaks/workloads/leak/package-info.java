/**
 * The leaking scenarios: each keeps memory (or classes, or threads) it will never use
 * again, at a rate sized from the heap it finds unless told otherwise.
 */
@NullMarked
package io.leaks.workloads.leak;

import org.jspecify.annotations.NullMarked;
