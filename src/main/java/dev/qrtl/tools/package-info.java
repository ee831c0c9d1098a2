/**
 * Running external tools (Verilator, Icarus Verilog, Yosys, Python): argument lists never shell
 * strings, a timeout on every run, standard error folded into every failure message, and the
 * version of each tool for reports. Also the lint gate every emitted file must pass and the
 * {@code doctor} that says which tools this machine has.
 */
package dev.qrtl.tools;
