/**
 * Benchmarks behind the figures in {@code docs/benchmarks.md}: run through {@code qrtl bench},
 * never as timed unit tests.
 */
package dev.qrtl.bench;
