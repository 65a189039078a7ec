/**
 * A service that reproduces the classic leak patterns, for trying the leaks starter.
 */
@NullMarked
package io.leaks.demo;

import org.jspecify.annotations.NullMarked;
