/**
 * The one rule for the labels people give snapshots and heap dumps.
 */
@NullMarked
package io.leaks.label;

import org.jspecify.annotations.NullMarked;
