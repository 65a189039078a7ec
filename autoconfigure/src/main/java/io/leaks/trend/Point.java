package io.leaks.trend;

/**
 * One observation of a series: a value at a moment of the JVM's uptime.
 *
 * @param atMillis milliseconds since the JVM started
 * @param value the value (bytes, classes, threads)
 */
public record Point(long atMillis, long value) {

}
