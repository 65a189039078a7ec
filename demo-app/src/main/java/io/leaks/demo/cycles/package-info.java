/**
 * Parent/child cycles: not a leak on the JVM, with strong or weak parent links alike.
 */
@NullMarked
package io.leaks.demo.cycles;

import org.jspecify.annotations.NullMarked;
