/**
 * A class-level registry of request handlers that is never cleaned versus one that unregisters.
 */
@NullMarked
package io.leaks.demo.registry;

import org.jspecify.annotations.NullMarked;
