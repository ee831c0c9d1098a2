/**
 * The hardware-construction DSL and its immutable IR.
 *
 * <p>A circuit is built by plain Java code through a {@link dev.qrtl.core.ModuleBuilder}: ports,
 * wires, registers and instances are created with Java loops and parameters, in the spirit of
 * JHDL. Expressions are immutable values ({@link dev.qrtl.core.Expr}) whose type ({@link
 * dev.qrtl.core.HwType}) is fixed by the width rules in {@link dev.qrtl.core.Expr}'s methods.
 * The central invariant: every expression denotes the exact mathematical value of its operation;
 * only the explicit conversions ({@code truncate}, {@code asSigned}, {@code asUnsigned}, slices and
 * concatenations) reinterpret bits. {@link dev.qrtl.core.ModuleBuilder#build()} checks that every
 * output, wire and register is driven and that no combinational loop exists, and returns an
 * immutable {@link dev.qrtl.core.Module}.
 */
package dev.qrtl.core;
