/**
 * Synthesis with Yosys onto a Liberty library, and what qrtl reads from the mapped netlist: area
 * (um^2, NAND2 equivalents, by cell type, sequential and combinational) and timing (its own static
 * timing analysis over the netlist with the library's NLDM tables). Works from manifests and
 * Verilog files, never DSL objects; reads Yosys's JSON, not its text log.
 */
package dev.qrtl.synth;
