/**
 * Generators: pure functions from a spec record to a {@link dev.qrtl.core.Module}, naming the
 * module deterministically from every parameter that changes its logic. Generators see spec
 * records and the DSL only; the scheme registry ({@code dev.qrtl.scheme}) dispatches to them.
 */
package dev.qrtl.gen;
