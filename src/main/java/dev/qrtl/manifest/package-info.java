/**
 * The JSON manifest written next to each top module's Verilog: the contract between generation
 * and every tool-facing stage. Simulators and the synthesizer read a manifest and Verilog files,
 * never DSL objects, so they work for any Verilog a user brings with a hand-written manifest.
 */
package dev.qrtl.manifest;
