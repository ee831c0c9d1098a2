/**
 * Tests of the DSL from a user's point of view. They live outside {@code dev.qrtl.core} so that
 * error messages point at these test lines, as they would at a user's generator.
 */
package dev.qrtl.coretest;
