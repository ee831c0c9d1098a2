/**
 * Tests of qrtl under bad input and faults: parsers fed seeded mutations of valid files, a battery
 * of bad command lines, damaged caches, concurrent runs and signals.
 */
package dev.qrtl.hardening;
