/**
 * ThreadLocal values never removed in a pooled executor versus {@code remove()} in {@code finally}.
 */
@NullMarked
package io.leaks.demo.threadlocals;

import org.jspecify.annotations.NullMarked;
