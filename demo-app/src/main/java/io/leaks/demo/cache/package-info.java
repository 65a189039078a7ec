/**
 * Unbounded cache keyed by request versus a bounded one with expiry.
 */
@NullMarked
package io.leaks.demo.cache;

import org.jspecify.annotations.NullMarked;
