/**
 * JMH benchmarks and measurement harnesses; see {@code docs/benchmarks.md}.
 */
package io.leaks.benchmarks;
