/**
 * A load driver that runs one pattern continuously at a bounded rate.
 */
@NullMarked
package io.leaks.demo.driver;

import org.jspecify.annotations.NullMarked;
