/**
 * Garbage collection on request, with what it freed.
 */
@NullMarked
package io.leaks.gc;

import org.jspecify.annotations.NullMarked;
