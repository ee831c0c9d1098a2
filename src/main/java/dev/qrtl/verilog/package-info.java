/**
 * The Verilog-2005 back end: turns an immutable {@link dev.qrtl.core.Module} tree into readable,
 * deterministic, lint-clean Verilog, one file per distinct module.
 *
 * <p>Every IR operation becomes one named wire and one {@code assign} whose operands are extended
 * explicitly to the operation's width, so the Verilog means exactly what the IR means, whatever
 * Verilog's context-dependent width and signedness rules would do; the only exception is the
 * multiplier, written with natural-width operands so synthesis sees a narrow multiplier. Bits
 * that nothing reads are collected into one {@code unused} sink (the lowRISC idiom), which keeps
 * {@code verilator -Wall} quiet without disabling a single warning.
 */
package dev.qrtl.verilog;
