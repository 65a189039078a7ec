/**
 * What every leak pattern offers, their catalogue, and the HTTP API under {@code /demo}.
 */
@NullMarked
package io.leaks.demo.pattern;

import org.jspecify.annotations.NullMarked;
