/**
 * The checks the case registry ({@link dev.qrtl.testing.Cases}) feeds: generator against golden
 * model on the IR evaluator, Verilator and Icarus co-simulation (small units batched into one
 * build per latency), and the cases file the cocotb benches read.
 */
package dev.qrtl.cases;
