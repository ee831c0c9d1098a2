/**
 * Generators: pure functions from a spec record to a {@link dev.qrtl.core.Module}, naming the
 * module deterministically from every parameter that changes its logic. Also the registry of the
 * default designs the main job generates.
 */
package dev.qrtl.gen;
