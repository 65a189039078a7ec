/**
 * Units the starter writes for people: one convention for amounts of memory, binary
 * multiples with IEC names (KiB, MiB, GiB), wherever Java code words a size.
 */
@NullMarked
package io.leaks.unit;

import org.jspecify.annotations.NullMarked;
