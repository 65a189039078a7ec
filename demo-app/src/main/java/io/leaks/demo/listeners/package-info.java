/**
 * Subscribers that never unsubscribe from a long-lived emitter versus explicit unsubscribe.
 */
@NullMarked
package io.leaks.demo.listeners;

import org.jspecify.annotations.NullMarked;
