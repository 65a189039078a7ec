/**
 * Reacting to the starter's leak events the way a service would: an alert in the log, and a
 * count to look at.
 */
@NullMarked
package io.leaks.demo.alerts;

import org.jspecify.annotations.NullMarked;
