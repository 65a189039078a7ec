/**
 * Auto-configuration and the {@code leaks.*} configuration properties.
 */
@NullMarked
package io.leaks.autoconfigure;

import org.jspecify.annotations.NullMarked;
