/**
 * A long-lived lambda that captured a whole document versus one that captured only what it needs.
 */
@NullMarked
package io.leaks.demo.closures;

import org.jspecify.annotations.NullMarked;
