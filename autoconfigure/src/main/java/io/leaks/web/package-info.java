/**
 * The dashboard page: a shell that reads and acts only through the {@code leaks} endpoint.
 */
@NullMarked
package io.leaks.web;

import org.jspecify.annotations.NullMarked;
