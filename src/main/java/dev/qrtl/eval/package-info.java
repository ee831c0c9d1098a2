/**
 * A cycle-based evaluator of the IR: flatten the instance tree, settle combinational logic in
 * topological order, then update all registers at once on each clock edge. It runs any design
 * without external tools and is the reference the Verilog is differentially tested against.
 *
 * <p>Values are exact {@link java.math.BigInteger}s of each node's type; every node's result is
 * checked to fit its type, so a width-rule bug surfaces as an error here rather than as a silent
 * wrap.
 */
package dev.qrtl.eval;
