/**
 * Co-simulation: vectors from stimulus sources (exhaustive, corner cases, uniform, realistic
 * distributions, NumPy files), expected outputs from the golden models configured by a design's
 * manifest, and the comparison in Verilator or Icarus. This package reads manifests, never DSL
 * objects, so it checks any Verilog that comes with a manifest.
 */
package dev.qrtl.cosim;
