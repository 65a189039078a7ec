/**
 * Trend analysis: recording collections and memory samples, judging whether memory
 * leaks, naming the suspects and telling the application.
 */
@NullMarked
package io.leaks.trend;

import org.jspecify.annotations.NullMarked;
