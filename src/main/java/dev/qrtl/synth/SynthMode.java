package dev.qrtl.synth;

/**
 * Flat: the whole design flattened and optimised across module boundaries. Hierarchical: each
 * distinct module synthesised once, the total combined by instance counts (a 64x64 array maps one
 * PE, not 4096).
 */
public enum SynthMode {
  FLAT,
  HIER
}
