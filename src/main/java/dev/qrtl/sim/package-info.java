/**
 * Simulating emitted Verilog with external simulators. Like Chisel's svsim, this package knows
 * nothing of the DSL: it takes Verilog files plus a {@link dev.qrtl.manifest.Manifest}, generates a
 * small C++ harness, builds it with Verilator (cached by content hash) and talks to the binary
 * over a documented protocol on stdin/stdout.
 */
package dev.qrtl.sim;
