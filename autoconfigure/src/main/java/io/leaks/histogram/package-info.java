/**
 * Class histograms: parsing, snapshots, the bounded snapshot store and diffs. No Spring here.
 */
@NullMarked
package io.leaks.histogram;

import org.jspecify.annotations.NullMarked;
