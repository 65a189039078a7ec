/**
 * The {@code leaks} actuator endpoint and its web extension.
 */
@NullMarked
package io.leaks.actuate;

import org.jspecify.annotations.NullMarked;
