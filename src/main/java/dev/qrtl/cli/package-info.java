/**
 * The {@code qrtl} command line (picocli). Commands are {@code Callable<Integer>} with injectable
 * output streams, so tests run them in-process. Every failure a user can cause ends in one line
 * {@code qrtl: <what went wrong>} and a non-zero exit (2 for usage errors, 1 otherwise).
 */
package dev.qrtl.cli;
